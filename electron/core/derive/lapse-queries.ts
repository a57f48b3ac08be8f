import type { ImportedVisitSummary } from '../../../shared/reminders/rhythm';
import type { Db } from '../db/connection';
import { jsonList, statementsFor } from '../db/statements';
import { scopeAll, scopeIds, scopeRange, type Scope } from './scope';

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

/** Whose figures a statement reads: these customers, those whose ids lie in a range (a chunk of the pass in steps), or (null) everyone. */
export type LapseScope = readonly string[] | { first: string; last: string } | null;

const importedSql = (where: string) => `
  SELECT customer_id, sum(visit_count) AS visits, min(first_visit_at) AS first_visit, max(last_visit_at) AS last_visit
  FROM imported_histories ${where} GROUP BY customer_id`;

// One row per customer from the covering index visits_customer_time: far fewer rows to hand to JS.
const visitTimesSql = (scope: Scope) => `
  SELECT customer_id, group_concat(occurred_at, ',' ORDER BY occurred_at) FROM visits
  WHERE customer_id IS NOT NULL AND kind = 'visit' AND archived_at IS NULL AND ${scope('customer_id')}
  GROUP BY customer_id`;

const statements = statementsFor((db) => ({
  one: db.prepare<[string], DbLapseRow>(`SELECT ${lapseColumns} FROM customers WHERE id = ?`),
  all: db.prepare<[], DbLapseRow>(`SELECT ${lapseColumns} FROM customers`),
  some: db.prepare<{ ids: string }, DbLapseRow>(`SELECT ${lapseColumns} FROM customers WHERE ${scopeIds('id')}`),
  range: db.prepare<{ first: string; last: string }, DbLapseRow>(`SELECT ${lapseColumns} FROM customers WHERE ${scopeRange('id')}`),
  allVisitTimes: db.prepare<[], [string, string]>(visitTimesSql(scopeAll)).raw(),
  someVisitTimes: db.prepare<{ ids: string }, [string, string]>(visitTimesSql(scopeIds)).raw(),
  rangeVisitTimes: db.prepare<{ first: string; last: string }, [string, string]>(visitTimesSql(scopeRange)).raw(),
  importedSome: db.prepare<{ ids: string }, DbImportedSummary>(importedSql(`WHERE ${scopeIds('customer_id')}`)),
  importedRange: db.prepare<{ first: string; last: string }, DbImportedSummary>(importedSql(`WHERE ${scopeRange('customer_id')}`)),
  importedAll: db.prepare<[], DbImportedSummary>(importedSql('')),
  set: db.prepare<[number | null, string | null, string]>('UPDATE customers SET visit_rhythm_days = ?, lapses_on = ? WHERE id = ?'),
}));

export const lapseRow = (db: Db, customerId: string): DbLapseRow | null => statements(db).one.get(customerId) ?? null;

/** The lapse rows of the customers in `scope`. */
export const lapseRows = (db: Db, scope: LapseScope): DbLapseRow[] => {
  if (scope === null) return statements(db).all.all();
  return 'first' in scope ? statements(db).range.all(scope) : statements(db).some.all({ ids: jsonList(scope) });
};

/** The last `count` items of a comma-separated list, without splitting the whole of it. */
const lastOf = (list: string, count: number): string[] => {
  let start = list.length;
  for (let found = 0; found < count && start > 0; found += 1) start = list.lastIndexOf(',', start - 1);
  return (start > 0 ? list.slice(start + 1) : list).split(',');
};

const visitTimeRows = (db: Db, scope: LapseScope): IterableIterator<[string, string]> => {
  if (scope === null) return statements(db).allVisitTimes.iterate();
  return 'first' in scope ? statements(db).rangeVisitTimes.iterate(scope) : statements(db).someVisitTimes.iterate({ ids: jsonList(scope) });
};

/**
 * Each customer's most recent `limit` visit times, oldest first, customer by customer (streamed:
 * the whole book is never held at once; only the tail of each customer's list is split), for the
 * customers in `scope`.
 */
export function* iterateVisitTimes(db: Db, limit: number, scope: LapseScope): Generator<[string, string[]]> {
  for (const [customerId, times] of visitTimeRows(db, scope)) yield [customerId, lastOf(times, limit)];
}

const toSummary = (row: DbImportedSummary): ImportedVisitSummary => ({ visitCount: row.visits, firstVisitAt: row.first_visit, lastVisitAt: row.last_visit });

const importedRows = (db: Db, scope: LapseScope): DbImportedSummary[] => {
  if (scope === null) return statements(db).importedAll.all();
  return 'first' in scope ? statements(db).importedRange.all(scope) : statements(db).importedSome.all({ ids: jsonList(scope) });
};

/** What each customer's imported histories sum up to, for the customers in `scope`; none without any. */
export const importedSummaries = (db: Db, scope: LapseScope): Map<string, ImportedVisitSummary> =>
  new Map(importedRows(db, scope).map((row) => [row.customer_id, toSummary(row)]));

export const setLapse = (db: Db, customerId: string, rhythmDays: number | null, lapsesOn: string | null): void => {
  statements(db).set.run(rhythmDays, lapsesOn, customerId);
};
