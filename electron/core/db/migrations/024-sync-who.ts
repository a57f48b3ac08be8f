import type { Migration } from './types';

/**
 * Who did what on a shared book (issue 19): the owner is shown, for a field given two values while
 * apart, the staff member who entered each, and the audit trail names the device a change came from.
 * Both columns stay empty on a book never shared.
 *
 * - sync_outbox.staff_id: the staff member at the counter when a record was last written (set by
 *   the capture triggers from the connection's writer, db/replicated.ts), carried into its cells.
 * - sync_outbox.resolved_json: the record's columns whose values entered while apart the owner
 *   resolved by picking one (a JSON list): sent though the value picked may be the one the book
 *   already showed, so it supersedes the others on every device.
 * - audit_log.device_id: for entries written by a sync, the device the change came from.
 */
export const migration024: Migration = {
  version: 24,
  name: 'who entered what on which device',
  up: (db) => {
    db.exec(`
      ALTER TABLE sync_outbox ADD COLUMN staff_id TEXT;
      ALTER TABLE sync_outbox ADD COLUMN resolved_json TEXT;
      ALTER TABLE audit_log ADD COLUMN device_id TEXT;
    `);
  },
};
