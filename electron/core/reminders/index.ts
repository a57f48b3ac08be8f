// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Reminders: generation, the agenda, settings and what they add to a customer's records. */
export { generateIfStale, generateReminders } from './engine';
export { countRemindersForExport, countStatusEventsForExport, countWinBackAttemptsForExport, exportReminderRows, exportStatusEventRows, exportWinBackAttemptRows } from './export-queries';
export type { DbExportReminder, DbExportStatusEvent, DbExportWinBackAttempt } from './export-queries';
export { remindersFollowCustomers } from './follow';
export { openReminderRow } from './handlers';
export { toReminder } from './present';
export { backdateReminder, closeReminder, getReminderRow, insertManualReminder, reopenReminder, snoozeReminder } from './queries';
export { lapseRulesOf, readReminderSettings, reminderEnvironment, shopTimeZone } from './settings';
export type { ReminderEnvironment } from './settings';
