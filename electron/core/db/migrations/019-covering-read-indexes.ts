import type { Migration } from './types';

/**
 * Reads done on every look at a screen, made one walk of a small index each (issue 18):
 *
 * - Today counts the open reminders up to a week ahead per kind and assignee, and each section's
 *   total (17,975 open reminders on the full book). Through reminders_open_kind (kind, reason_key)
 *   that was a sort of every open reminder by assignee and a read of each one's row for its agenda
 *   day. reminders_open_counts is in the order of the grouping and holds what the agenda day is made
 *   of (agenda_day is coalesce(snoozed_until, due_day), migration 005): no row read, nothing sorted
 *   (0.8 MB on the full book).
 * - The dashboard's promises chart counts, per month, the promises settled and how many were kept.
 *   complaint_promises_settled had the settled time alone, so each month read every settled
 *   promise's row for its outcome; with the outcome in it the index answers alone (1.5 MB).
 * - A month the dashboard counts anew counts its first-time customers who are still in the book:
 *   customers_first_visit had the first visit alone, so each one's row was read for archived_at
 *   (50 times slower than the index alone); with archived_at in it (mostly NULL) it stays 3.4 MB.
 */
export const migration019: Migration = {
  version: 19,
  name: 'covering indexes for the Today counts, the promises chart and first-time customers',
  up: (db) => {
    db.exec(`
      CREATE INDEX reminders_open_counts ON reminders (kind, assignee_id, snoozed_until, due_day) WHERE status = 'open';
      DROP INDEX complaint_promises_settled;
      CREATE INDEX complaint_promises_settled ON complaint_promises (settled_at, outcome) WHERE outcome IS NOT NULL;
      DROP INDEX customers_first_visit;
      CREATE INDEX customers_first_visit ON customers (first_visit_at, archived_at) WHERE first_visit_at IS NOT NULL;
    `);
  },
};
