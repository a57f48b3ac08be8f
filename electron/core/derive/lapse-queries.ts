import type { ImportedVisitSummary } from '../../../shared/reminders/rhythm';
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

interface DbImportedSummary {
  customer_id: string;
  visits: number;
  first_visit: string | null;
  last_visit: string | null;
}

const importedSql = (where: string) => `
  SELECT customer_id, sum(visit_count) AS visits, min(first_visit_at) AS first_visit, max(last_visit_at) AS last_visit
  FROM imported_histories ${where} GROUP BY customer_id`;

const statements = statementsFor((db) => ({
  recentVisitTimes: db.prepare<[string, number], string>(`
    SELECT occurred_at FROM visits
    WHERE customer_id = ? AND kind = 'visit' AND archived_at IS NULL
    ORDER BY occurred_at DESC LIMIT ?`).pluck(),
  one: db.prepare<[string], DbLapseRow>(`SELECT ${lapseColumns} FROM customers WHERE id = ?`),
  all: db.prepare<[], DbLapseRow>(`SELECT ${lapseColumns} FROM customers`),
  // One row per customer from the covering index visits_customer_time: far fewer rows to hand to JS.
  allVisitTimes: db.prepare<[], [string, string]>(`
    SELECT customer_id, group_concat(occurred_at, ',' ORDER BY occurred_at) FROM visits
    WHERE customer_id IS NOT NULL AND kind = 'visit' AND archived_at IS NULL
    GROUP BY customer_id`).raw(),
  importedOf: db.prepare<[string], DbImportedSummary>(importedSql('WHERE customer_id = ?')),
  importedAll: db.prepare<[], DbImportedSummary>(importedSql('')),
  set: db.prepare<[number | null, string | null, string]>('UPDATE customers SET visit_rhythm_days = ?, lapses_on = ? WHERE id = ?'),
}));

/** The customer's most recent visits, oldest first. */
export const recentVisitTimes = (db: Db, customerId: string, limit: number): string[] =>
  statements(db).recentVisitTimes.all(customerId, limit).reverse();

export const lapseRow = (db: Db, customerId: string): DbLapseRow | null => statements(db).one.get(customerId) ?? null;

export const allLapseRows = (db: Db): DbLapseRow[] => statements(db).all.all();

/** The last `count` items of a comma-separated list, without splitting the whole of it. */
const lastOf = (list: string, count: number): string[] => {
  let start = list.length;
  for (let found = 0; found < count && start > 0; found += 1) start = list.lastIndexOf(',', start - 1);
  return (start > 0 ? list.slice(start + 1) : list).split(',');
};

/**
 * Each customer's most recent `limit` visit times, oldest first, customer by customer (streamed:
 * the whole book is never held at once; only the tail of each customer's list is split).
 */
export function* iterateVisitTimes(db: Db, limit: number): Generator<[string, string[]]> {
  for (const [customerId, times] of statements(db).allVisitTimes.iterate()) yield [customerId, lastOf(times, limit)];
}

const toSummary = (row: DbImportedSummary): ImportedVisitSummary => ({ visitCount: row.visits, firstVisitAt: row.first_visit, lastVisitAt: row.last_visit });

/** What the customer's imported histories sum up to; null without any. */
export const importedSummaryOf = (db: Db, customerId: string): ImportedVisitSummary | null => {
  const row = statements(db).importedOf.get(customerId);
  return row === undefined ? null : toSummary(row);
};

export const allImportedSummaries = (db: Db): Map<string, ImportedVisitSummary> =>
  new Map(statements(db).importedAll.all().map((row) => [row.customer_id, toSummary(row)]));

export const setLapse = (db: Db, customerId: string, rhythmDays: number | null, lapsesOn: string | null): void => {
  statements(db).set.run(rhythmDays, lapsesOn, customerId);
};
