import type { Migration } from './types';

/**
 * The visits table carried seven indexes, about 380 MB on the full book for 160 MB of rows. Every
 * statement's plan (EXPLAIN QUERY PLAN, issue 18) reads visits one of three ways: by id, by
 * customer in time order, or by a range of time. Two covering indexes now serve all of them:
 *
 * - visits_customer_time: one customer's visits and contacts (timeline, activity summary, rhythm
 *   and lapse, trailing-year revenue, the FK check when a customer is deleted). kind, amount and
 *   archived_at are in it, so the derived passes read no visit row. It replaces the partial
 *   visits_customer_visit_time and visits_customer_amount, which held the same keys twice more.
 * - visits_time: a range of time (the counter's recent visits, the dashboard's months, follow-ups),
 *   covering for the dashboard's counts and sums. It replaces visits_time and the partial visits_period.
 *
 * visits_staff goes: no statement reads visits by staff, and staff are never deleted (they are
 * made inactive), so the foreign key never looks it up. The pages freed are given back to the disk
 * by a VACUUM right after the migration commits (`compactAfter`).
 */
export const migration014: Migration = {
  version: 14,
  name: 'two covering visit indexes instead of seven',
  compactAfter: true,
  up: (db) => {
    db.exec(`
      DROP INDEX visits_staff;
      DROP INDEX visits_customer_visit_time;
      DROP INDEX visits_customer_amount;
      DROP INDEX visits_period;
      DROP INDEX visits_customer_time;
      DROP INDEX visits_time;
      CREATE INDEX visits_customer_time ON visits (customer_id, occurred_at, kind, amount_minor, archived_at);
      CREATE INDEX visits_time ON visits (occurred_at, customer_id, amount_minor, kind, archived_at);
    `);
  },
};
