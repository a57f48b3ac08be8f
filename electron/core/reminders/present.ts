import type { Reminder, ReminderFacts } from '../../../shared/contract/reminders';
import { parseStoredJson } from '../../../shared/json';
import type { DbReminderRow } from './queries';

const parseFacts = (json: string): ReminderFacts => {
  const value = parseStoredJson(json);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as ReminderFacts) : {};
};

export const toReminder = (row: DbReminderRow): Reminder => ({
  id: row.id,
  kind: row.kind,
  customerId: row.customer_id,
  subjectId: row.subject_id,
  dueDay: row.due_day,
  snoozedUntil: row.snoozed_until,
  agendaDay: row.agenda_day,
  status: row.status,
  note: row.note,
  facts: parseFacts(row.facts_json),
  staffId: row.staff_id,
  outcomeNote: row.outcome_note,
  createdAt: row.created_at,
  closedAt: row.closed_at,
  closedByStaffId: row.closed_by_staff_id,
});
