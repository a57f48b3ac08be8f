import type { Migration } from './types';

/**
 * The Today screen counts the open reminders up to a week ahead per kind and assignee, and each
 * section's total, on every read (17,975 open reminders on the full book). Through
 * reminders_open_kind (kind, reason_key) that was a sort of every open reminder by assignee and a
 * read of each reminder's row for its agenda day. This index is in the order of the grouping and
 * holds what the agenda day is made of (agenda_day is coalesce(snoozed_until, due_day), migration
 * 005): the counts are one walk of a 0.8 MB index, no row read and nothing sorted.
 */
export const migration019: Migration = {
  version: 19,
  name: 'open reminders counted per kind and assignee from one index',
  up: (db) => {
    db.exec("CREATE INDEX reminders_open_counts ON reminders (kind, assignee_id, snoozed_until, due_day) WHERE status = 'open'");
  },
};
