// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Reminders: generating them, following customers, settings, their rows and export rows. */
export { finishGenerationInSteps, generateIfStale, generateReminders, remindersStale } from './engine';
export { countRemindersForExport, countStatusEventsForExport, countWinBackAttemptsForExport, exportReminderRows, exportStatusEventRows, exportWinBackAttemptRows } from './export-queries';
export type { DbExportReminder, DbExportStatusEvent, DbExportWinBackAttempt } from './export-queries';
export { remindersFollowCustomers } from './follow';
export { openReminderRow } from './open-row';
export { toReminder } from './present';
export { backdateReminder, closeReminder, getReminderRow, insertManualReminder, reopenReminder, snoozeReminder } from './queries';
export { remindersRecords } from './records';
export { lapseRulesOf, readReminderSettings, reminderEnvironment, shopTimeZone } from './settings';
export type { ReminderEnvironment } from './settings';
