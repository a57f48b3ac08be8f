import type { Db } from '../db/connection';
import { jsonList, statementsFor } from '../db/statements';
import { scopeAll, scopeIds, scopeRange, type Scope } from './scope';

/**
 * The activity summary on each customer: first and last visit, last contact, visit count, lifetime
 * spend and last seen, from their visits and contacts still in the book plus any history imported
 * from another tool (imported_histories: its visit count and spend add to the logged ones, its first
 * and last visit widen the logged span). One statement for a list of customers and for the whole
 * book, so both passes are the same definition; only rows whose figures differ are written.
 */
const summarySql = (scope: Scope) => `
  WITH visited AS (
    -- The covering index visits_customer_time (migration 014): no visit row is read.
    SELECT customer_id, min(occurred_at) AS first_visit, max(occurred_at) AS last_visit,
      count(*) AS visits, coalesce(sum(amount_minor), 0) AS revenue
    FROM visits WHERE kind = 'visit' AND archived_at IS NULL AND customer_id IS NOT NULL AND ${scope('customer_id')}
    GROUP BY customer_id
  ),
  contacted AS (
    -- visits_customer_contact_time (migration 012), which holds the contacts alone: left to itself
    -- the planner took visits_customer_time and read every visit again (a chunk of the pass in
    -- steps: 2.7 ms instead of 1.1).
    SELECT customer_id, max(occurred_at) AS last_contact
    FROM visits INDEXED BY visits_customer_contact_time WHERE kind = 'contact' AND archived_at IS NULL AND customer_id IS NOT NULL AND ${scope('customer_id')}
    GROUP BY customer_id
  ),
  imported AS (
    SELECT customer_id, min(first_visit_at) AS first_visit, max(last_visit_at) AS last_visit,
      sum(visit_count) AS visits, sum(revenue_minor) AS revenue
    FROM imported_histories WHERE ${scope('customer_id')}
    GROUP BY customer_id
  ),
  summary AS (
    SELECT c.id,
      coalesce(min(l.first_visit, i.first_visit), l.first_visit, i.first_visit) AS first_visit,
      coalesce(max(l.last_visit, i.last_visit), l.last_visit, i.last_visit) AS last_visit,
      k.last_contact,
      coalesce(l.visits, 0) + coalesce(i.visits, 0) AS visits,
      coalesce(l.revenue, 0) + coalesce(i.revenue, 0) AS revenue,
      max(c.created_at, coalesce(l.last_visit, ''), coalesce(i.last_visit, ''), coalesce(k.last_contact, '')) AS last_seen
    FROM customers c
    LEFT JOIN visited l ON l.customer_id = c.id
    LEFT JOIN contacted k ON k.customer_id = c.id
    LEFT JOIN imported i ON i.customer_id = c.id
    WHERE ${scope('c.id')}
  )
  UPDATE customers SET
    first_visit_at = s.first_visit, last_visit_at = s.last_visit, last_contact_at = s.last_contact,
    visit_count = s.visits, revenue_minor = s.revenue, last_seen_at = s.last_seen
  FROM summary s
  WHERE customers.id = s.id AND (
    customers.first_visit_at IS NOT s.first_visit OR customers.last_visit_at IS NOT s.last_visit
    OR customers.last_contact_at IS NOT s.last_contact OR customers.visit_count IS NOT s.visits
    OR customers.revenue_minor IS NOT s.revenue OR customers.last_seen_at IS NOT s.last_seen)`;

const statements = statementsFor((db) => ({
  some: db.prepare<{ ids: string }>(summarySql(scopeIds)),
  range: db.prepare<{ first: string; last: string }>(summarySql(scopeRange)),
  all: db.prepare(summarySql(scopeAll)),
}));

export const writeActivityOf = (db: Db, customerIds: readonly string[]): void => {
  statements(db).some.run({ ids: jsonList(customerIds) });
};

/** The customers whose ids lie from `first` to `last` (a chunk of the pass in steps). */
export const writeActivityOfRange = (db: Db, range: { first: string; last: string }): void => {
  statements(db).range.run(range);
};

/** Answers how many customers' summaries changed. */
export const writeActivityOfAll = (db: Db): number => statements(db).all.run().changes;
