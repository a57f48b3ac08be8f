import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';

/** A reminder as the export writes it: every column, with the names the CSV shows beside the ids. */
export interface DbExportReminder {
  id: string;
  kind: string;
  reason_key: string;
  customer_id: string | null;
  customer_name: string | null;
  subject_id: string | null;
  due_day: string;
  snoozed_until: string | null;
  status: 'open' | 'done' | 'dismissed' | 'obsolete';
  note: string;
  facts_json: string;
  staff_id: string | null;
  assignee_id: string | null;
  assignee_name: string | null;
  outcome_note: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by_staff_id: string | null;
}

export interface DbExportWinBackAttempt {
  id: string;
  customer_id: string;
  reminder_id: string | null;
  outcome: string;
  note: string;
  staff_id: string | null;
  attempted_at: string;
  created_at: string;
}

export interface DbExportStatusEvent {
  id: string;
  customer_id: string;
  kind: 'lost' | 'won_back';
  reason: string | null;
  note: string;
  came_back_from: string | null;
  days_away: number | null;
  after_attempt: number;
  visit_id: string | null;
  staff_id: string | null;
  at: string;
  created_at: string;
  archived_at: string | null;
}

const statements = statementsFor((db) => ({
  reminders: db.prepare<[], DbExportReminder>(`
    SELECT r.id, r.kind, r.reason_key, r.customer_id, c.name AS customer_name, r.subject_id, r.due_day, r.snoozed_until,
      r.status, r.note, r.facts_json, r.staff_id, r.assignee_id, s.name AS assignee_name, r.outcome_note,
      r.created_at, r.updated_at, r.closed_at, r.closed_by_staff_id
    FROM reminders r
    LEFT JOIN customers c ON c.id = r.customer_id
    LEFT JOIN staff s ON s.id = r.assignee_id
    ORDER BY r.id`),
  reminderCount: db.prepare<[], number>('SELECT count(*) FROM reminders').pluck(),
  attempts: db.prepare<[], DbExportWinBackAttempt>(
    'SELECT id, customer_id, reminder_id, outcome, note, staff_id, attempted_at, created_at FROM win_back_attempts ORDER BY id',
  ),
  attemptCount: db.prepare<[], number>('SELECT count(*) FROM win_back_attempts').pluck(),
  statusEvents: db.prepare<[], DbExportStatusEvent>(`
    SELECT id, customer_id, kind, reason, note, came_back_from, days_away, after_attempt, visit_id, staff_id, at, created_at, archived_at
    FROM customer_status_events ORDER BY id`),
  statusEventCount: db.prepare<[], number>('SELECT count(*) FROM customer_status_events').pluck(),
}));

export const exportReminderRows = (db: Db) => statements(db).reminders.iterate();
export const countRemindersForExport = (db: Db): number => statements(db).reminderCount.get() ?? 0;
export const exportWinBackAttemptRows = (db: Db) => statements(db).attempts.iterate();
export const countWinBackAttemptsForExport = (db: Db): number => statements(db).attemptCount.get() ?? 0;
export const exportStatusEventRows = (db: Db) => statements(db).statusEvents.iterate();
export const countStatusEventsForExport = (db: Db): number => statements(db).statusEventCount.get() ?? 0;
