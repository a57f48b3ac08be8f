import type { Db } from '../../electron/core/db/connection';

/**
 * Every derived column and table, row for row, in a stable order: what the incremental passes
 * leave must equal what a full rebuild makes. Times of computing and generated ids are left out
 * (they say when, not what); reminders people closed are facts and stay in, as their status.
 */
export const derivedState = (db: Db) => ({
  customers: db
    .prepare(
      `SELECT id, first_visit_at, last_visit_at, last_contact_at, visit_count, revenue_minor, last_seen_at,
         visit_rhythm_days, lapses_on, lost_at, lost_reason FROM customers ORDER BY id`,
    )
    .all(),
  loyalty: db
    .prepare(
      `SELECT customer_id, revenue_12m_minor, visits_12m, money_tier, points, tier, signals_json, satisfaction, loyalty, quadrant, quadrant_since,
         value_probability_alive, value_expected_visits, value_spend_per_visit_minor, value_lifetime_minor
       FROM customer_loyalty ORDER BY customer_id`,
    )
    .all(),
  tierHistory: db.prepare('SELECT month, tier, customers FROM loyalty_tier_history ORDER BY month, tier').all(),
  monthFigures: db.prepare('SELECT * FROM visit_month_figures ORDER BY from_at, to_at').all(),
  reminders: db
    .prepare(
      `SELECT kind, reason_key, customer_id, subject_id, status, due_day, facts_json, assignee_id
       FROM reminders ORDER BY kind, reason_key, customer_id`,
    )
    .all(),
});
