import { reminderKind } from '../../../../shared/reminders/kinds';
import { countRemindersForExport, countStatusEventsForExport, countWinBackAttemptsForExport, type DbExportReminder, type DbExportStatusEvent, type DbExportWinBackAttempt, exportReminderRows, exportStatusEventRows, exportWinBackAttemptRows } from '../../reminders';
import { localDateTime } from './format';
import { defineExportTable, type JsonValue } from './table';

const factsOf = (json: string): { [key: string]: JsonValue } => JSON.parse(json) as { [key: string]: JsonValue };

/** Every reminder, open or closed, with the reason it was raised and how it ended. */
export const remindersExport = defineExportTable<DbExportReminder>({
  name: 'reminders',
  rows: (db) => exportReminderRows(db),
  count: (db) => countRemindersForExport(db),
  counts: (db) => ({ reminders: countRemindersForExport(db) }),
  json: (row) => ({
    id: row.id,
    kind: row.kind,
    reasonKey: row.reason_key,
    customerId: row.customer_id,
    subjectId: row.subject_id,
    dueDay: row.due_day,
    snoozedUntil: row.snoozed_until,
    status: row.status,
    note: row.note,
    facts: factsOf(row.facts_json),
    staffId: row.staff_id,
    assigneeId: row.assignee_id,
    outcomeNote: row.outcome_note,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
    closedByStaffId: row.closed_by_staff_id,
  }),
  csv: [
    { header: (w) => w.reminderColumns.id, value: (row) => row.id },
    { header: (w) => w.reminderColumns.kind, value: (row, c) => reminderKind(row.kind)?.label[c.language] ?? row.kind },
    { header: (w) => w.reminderColumns.customerId, value: (row) => row.customer_id ?? '' },
    { header: (w) => w.reminderColumns.customerName, value: (row) => row.customer_name ?? '' },
    { header: (w) => w.reminderColumns.dueDay, value: (row) => row.due_day },
    { header: (w) => w.reminderColumns.snoozedUntil, value: (row) => row.snoozed_until ?? '' },
    { header: (w) => w.reminderColumns.status, value: (row, c) => c.words.values.reminderStatus[row.status] },
    { header: (w) => w.reminderColumns.note, value: (row) => row.note },
    { header: (w) => w.reminderColumns.assignee, value: (row) => row.assignee_name ?? '' },
    { header: (w) => w.reminderColumns.outcomeNote, value: (row) => row.outcome_note },
    { header: (w) => w.reminderColumns.createdAt, value: (row, c) => localDateTime(row.created_at, c.timeZone) },
    { header: (w) => w.reminderColumns.closedAt, value: (row, c) => localDateTime(row.closed_at, c.timeZone) },
  ],
});

/** Win-back calls and their outcomes: part of the full JSON export. */
export const winBackAttemptsExport = defineExportTable<DbExportWinBackAttempt>({
  name: 'winBackAttempts',
  rows: (db) => exportWinBackAttemptRows(db),
  count: (db) => countWinBackAttemptsForExport(db),
  counts: () => ({}),
  json: (row) => ({
    id: row.id,
    customerId: row.customer_id,
    reminderId: row.reminder_id,
    outcome: row.outcome,
    note: row.note,
    staffId: row.staff_id,
    attemptedAt: row.attempted_at,
    createdAt: row.created_at,
  }),
  csv: null,
});

/** Customers marked lost (with the reason) and won back: part of the full JSON export. */
export const statusEventsExport = defineExportTable<DbExportStatusEvent>({
  name: 'statusEvents',
  rows: (db) => exportStatusEventRows(db),
  count: (db) => countStatusEventsForExport(db),
  counts: () => ({}),
  json: (row) => ({
    id: row.id,
    customerId: row.customer_id,
    kind: row.kind,
    reason: row.reason,
    note: row.note,
    cameBackFrom: row.came_back_from,
    daysAway: row.days_away,
    afterAttempt: row.after_attempt === 1,
    visitId: row.visit_id,
    staffId: row.staff_id,
    at: row.at,
    createdAt: row.created_at,
    archivedAt: row.archived_at,
  }),
  csv: null,
});
