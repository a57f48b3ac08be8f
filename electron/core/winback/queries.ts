import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';

export interface DbAttemptRow {
  id: string;
  customer_id: string;
  reminder_id: string | null;
  outcome: string;
  note: string;
  staff_id: string | null;
  staff_name: string | null;
  attempted_at: string;
}

export interface DbStatusEventRow {
  id: string;
  customer_id: string;
  kind: 'lost' | 'won_back';
  reason: string | null;
  note: string;
  came_back_from: 'lapsed' | 'lost' | null;
  days_away: number | null;
  after_attempt: number;
  visit_id: string | null;
  staff_id: string | null;
  staff_name: string | null;
  at: string;
  archived_at: string | null;
}

export interface StatusEventWrite {
  id: string;
  customer_id: string;
  kind: 'lost' | 'won_back';
  reason: string | null;
  note: string;
  came_back_from: 'lapsed' | 'lost' | null;
  days_away: number | null;
  after_attempt: number;
  visit_id: string | null;
  staff_id: string | null;
  at: string;
  created_at: string;
}

const attemptColumns = `a.id, a.customer_id, a.reminder_id, a.outcome, a.note, a.staff_id, st.name AS staff_name, a.attempted_at
  FROM win_back_attempts a LEFT JOIN staff st ON st.id = a.staff_id`;
const eventColumns = `e.id, e.customer_id, e.kind, e.reason, e.note, e.came_back_from, e.days_away, e.after_attempt, e.visit_id,
  e.staff_id, st.name AS staff_name, e.at, e.archived_at
  FROM customer_status_events e LEFT JOIN staff st ON st.id = e.staff_id`;

const statements = statementsFor((db) => ({
  insertAttempt: db.prepare<[string, string, string | null, string, string, string | null, string, string]>(`
    INSERT INTO win_back_attempts (id, customer_id, reminder_id, outcome, note, staff_id, attempted_at, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
  getAttempt: db.prepare<[string], DbAttemptRow>(`SELECT ${attemptColumns} WHERE a.id = ?`),
  latestAttemptId: db.prepare<[string], string>('SELECT id FROM win_back_attempts WHERE customer_id = ? ORDER BY attempted_at DESC, id DESC LIMIT 1').pluck(),
  deleteAttempt: db.prepare<[string]>('DELETE FROM win_back_attempts WHERE id = ?'),
  attemptSince: db.prepare<[string, string], number>('SELECT count(*) FROM win_back_attempts WHERE customer_id = ? AND attempted_at >= ?').pluck(),
  attemptsBefore: db.prepare<[string, string, string, string, number], DbAttemptRow>(`
    SELECT ${attemptColumns}
    WHERE a.customer_id = ? AND (a.attempted_at < ? OR (a.attempted_at = ? AND a.id < ?))
    ORDER BY a.attempted_at DESC, a.id DESC LIMIT ?`),
  insertEvent: db.prepare<StatusEventWrite>(`
    INSERT INTO customer_status_events (id, customer_id, kind, reason, note, came_back_from, days_away, after_attempt, visit_id, staff_id, at, created_at)
    VALUES (@id, @customer_id, @kind, @reason, @note, @came_back_from, @days_away, @after_attempt, @visit_id, @staff_id, @at, @created_at)`),
  getEvent: db.prepare<[string], DbStatusEventRow>(`SELECT ${eventColumns} WHERE e.id = ?`),
  latestEvent: db.prepare<[string], DbStatusEventRow>(`
    SELECT ${eventColumns} WHERE e.customer_id = ? AND e.archived_at IS NULL ORDER BY e.at DESC, e.id DESC LIMIT 1`),
  eventsBefore: db.prepare<[string, string, string, string, number], DbStatusEventRow>(`
    SELECT ${eventColumns}
    WHERE e.customer_id = ? AND e.archived_at IS NULL AND (e.at < ? OR (e.at = ? AND e.id < ?))
    ORDER BY e.at DESC, e.id DESC LIMIT ?`),
  archiveEvent: db.prepare<[string, string]>('UPDATE customer_status_events SET archived_at = ? WHERE id = ?'),
  eventsOfVisit: db.prepare<[string], string>('SELECT id FROM customer_status_events WHERE visit_id = ? AND archived_at IS NULL').pluck(),
  setLost: db.prepare<[string | null, string | null, string]>('UPDATE customers SET lost_at = ?, lost_reason = ? WHERE id = ?'),
  previousActivity: db.prepare<[string, string, string], string | null>(`
    SELECT max(occurred_at) FROM visits WHERE customer_id = ? AND archived_at IS NULL AND id <> ? AND occurred_at <= ?`).pluck(),
  attemptsByOutcome: db.prepare<[string, string], { outcome: string; count: number }>(`
    SELECT outcome, count(*) AS count FROM win_back_attempts WHERE attempted_at >= ? AND attempted_at < ? GROUP BY outcome`),
  lostByReason: db.prepare<[string, string], { reason: string; count: number }>(`
    SELECT reason, count(*) AS count FROM customer_status_events
    WHERE kind = 'lost' AND archived_at IS NULL AND at >= ? AND at < ? GROUP BY reason`),
  wonBack: db.prepare<[string, string], { total: number; from_lapsed: number | null; from_lost: number | null; after_attempt: number | null }>(`
    SELECT count(*) AS total, sum(came_back_from = 'lapsed') AS from_lapsed, sum(came_back_from = 'lost') AS from_lost, sum(after_attempt) AS after_attempt
    FROM customer_status_events WHERE kind = 'won_back' AND archived_at IS NULL AND at >= ? AND at < ?`),
}));

export const insertAttempt = (
  db: Db,
  attempt: { id: string; customerId: string; reminderId: string | null; outcome: string; note: string; staffId: string | null; at: string },
): void => {
  statements(db).insertAttempt.run(attempt.id, attempt.customerId, attempt.reminderId, attempt.outcome, attempt.note, attempt.staffId, attempt.at, attempt.at);
};

export const getAttemptRow = (db: Db, id: string): DbAttemptRow | null => statements(db).getAttempt.get(id) ?? null;

export const latestAttemptIdOf = (db: Db, customerId: string): string | null => statements(db).latestAttemptId.get(customerId) ?? null;

/** Only to undo a call recorded a moment ago; attempts are otherwise kept for good. */
export const deleteAttempt = (db: Db, id: string): void => {
  statements(db).deleteAttempt.run(id);
};

export const hasAttemptSince = (db: Db, customerId: string, since: string): boolean => (statements(db).attemptSince.get(customerId, since) ?? 0) > 0;

export const attemptRowsBefore = (db: Db, customerId: string, at: string, id: string, limit: number): DbAttemptRow[] =>
  statements(db).attemptsBefore.all(customerId, at, at, id, limit);

export const insertStatusEvent = (db: Db, event: StatusEventWrite): void => {
  statements(db).insertEvent.run(event);
};

export const getStatusEventRow = (db: Db, id: string): DbStatusEventRow | null => statements(db).getEvent.get(id) ?? null;

export const latestStatusEventRow = (db: Db, customerId: string): DbStatusEventRow | null => statements(db).latestEvent.get(customerId) ?? null;

export const statusEventRowsBefore = (db: Db, customerId: string, at: string, id: string, limit: number): DbStatusEventRow[] =>
  statements(db).eventsBefore.all(customerId, at, at, id, limit);

export const archiveStatusEvent = (db: Db, id: string, at: string): void => {
  statements(db).archiveEvent.run(at, id);
};

export const statusEventIdsOfVisit = (db: Db, visitId: string): string[] => statements(db).eventsOfVisit.all(visitId);

export const setLost = (db: Db, customerId: string, lostAt: string | null, reason: string | null): void => {
  statements(db).setLost.run(lostAt, reason, customerId);
};

/** The customer's latest visit or contact up to `at`, other than `exceptVisitId`. */
export const previousActivityAt = (db: Db, customerId: string, exceptVisitId: string, at: string): string | null =>
  statements(db).previousActivity.get(customerId, exceptVisitId, at) ?? null;

export const attemptCounts = (db: Db, from: string, to: string) => statements(db).attemptsByOutcome.all(from, to);

export const lostCounts = (db: Db, from: string, to: string) => statements(db).lostByReason.all(from, to);

export const wonBackCounts = (db: Db, from: string, to: string) => statements(db).wonBack.get(from, to);
