import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';

export interface DbLapseRow {
  id: string;
  visit_count: number;
  last_visit_at: string | null;
  last_contact_at: string | null;
  visit_rhythm_days: number | null;
  lapses_on: string | null;
  lost_at: string | null;
  archived_at: string | null;
}

const lapseColumns = 'id, visit_count, last_visit_at, last_contact_at, visit_rhythm_days, lapses_on, lost_at, archived_at';

const statements = statementsFor((db) => ({
  recentVisitTimes: db.prepare<[string, number], string>(`
    SELECT occurred_at FROM visits
    WHERE customer_id = ? AND kind = 'visit' AND archived_at IS NULL
    ORDER BY occurred_at DESC LIMIT ?`).pluck(),
  one: db.prepare<[string], DbLapseRow>(`SELECT ${lapseColumns} FROM customers WHERE id = ?`),
  all: db.prepare<[], DbLapseRow>(`SELECT ${lapseColumns} FROM customers`),
  allVisitTimes: db.prepare<[], [string, string]>(`
    SELECT customer_id, occurred_at FROM visits
    WHERE customer_id IS NOT NULL AND kind = 'visit' AND archived_at IS NULL
    ORDER BY customer_id, occurred_at`).raw(),
  set: db.prepare<[number | null, string | null, string]>('UPDATE customers SET visit_rhythm_days = ?, lapses_on = ? WHERE id = ?'),
}));

/** The customer's most recent visits, oldest first. */
export const recentVisitTimes = (db: Db, customerId: string, limit: number): string[] =>
  statements(db).recentVisitTimes.all(customerId, limit).reverse();

export const lapseRow = (db: Db, customerId: string): DbLapseRow | null => statements(db).one.get(customerId) ?? null;

export const allLapseRows = (db: Db): DbLapseRow[] => statements(db).all.all();

/** Every customer's visits in time order, customer by customer (streamed: a million rows are never held at once). */
export const iterateVisitTimes = (db: Db): IterableIterator<[string, string]> => statements(db).allVisitTimes.iterate();

export const setLapse = (db: Db, customerId: string, rhythmDays: number | null, lapsesOn: string | null): void => {
  statements(db).set.run(rhythmDays, lapsesOn, customerId);
};
