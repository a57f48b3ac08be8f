import type { Db } from '../db/connection';
import { jsonList, statementsFor } from '../db/statements';
import { scopeAll, scopeIds, scopeRange, type Scope } from './scope';

/**
 * customers.lost_at and lost_reason follow the latest standing event still in force: lost (with its
 * time and reason), or not (won back, undone, or none). Only rows that differ are written.
 */
const lostSql = (scope: Scope) => `
  WITH latest AS (
    SELECT customer_id, kind, reason, at,
      row_number() OVER (PARTITION BY customer_id ORDER BY at DESC, id DESC) AS newest
    FROM customer_status_events WHERE archived_at IS NULL AND ${scope('customer_id')}
  ),
  standing AS (
    SELECT c.id,
      CASE WHEN l.kind = 'lost' THEN l.at END AS lost_at,
      CASE WHEN l.kind = 'lost' THEN l.reason END AS lost_reason
    FROM customers c LEFT JOIN latest l ON l.customer_id = c.id AND l.newest = 1
    WHERE ${scope('c.id')}
  )
  UPDATE customers SET lost_at = s.lost_at, lost_reason = s.lost_reason
  FROM standing s
  WHERE customers.id = s.id AND (customers.lost_at IS NOT s.lost_at OR customers.lost_reason IS NOT s.lost_reason)`;

const statements = statementsFor((db) => ({
  some: db.prepare<{ ids: string }>(lostSql(scopeIds)),
  range: db.prepare<{ first: string; last: string }>(lostSql(scopeRange)),
  all: db.prepare(lostSql(scopeAll)),
}));

export const writeLostStateOf = (db: Db, customerIds: readonly string[]): void => {
  statements(db).some.run({ ids: jsonList(customerIds) });
};

/** The customers whose ids lie from `first` to `last` (a chunk of the pass in steps). */
export const writeLostStateOfRange = (db: Db, range: { first: string; last: string }): void => {
  statements(db).range.run(range);
};

export const writeLostStateOfAll = (db: Db): number => statements(db).all.run().changes;
