import type { Migration } from './types';

/**
 * One book on several devices (issue 19, docs/design/multi-device.md). A book never shared never
 * writes to these tables.
 *
 * - sync_outbox: which records a local write changed since the device last recorded its changes
 *   into the shared documents, with each one as it was before the first of those writes (null: it
 *   did not exist) — so only the fields this device changed are sent, not a whole record that the
 *   documents never held. Written by capture triggers that exist only on a shared book's
 *   connections (TEMP triggers, db/replicated.ts); one row per record, however often it changed.
 * - sync_buckets: per shared document, the heads this book's rows were last projected from and
 *   the heads last written to the shared folder — in the book, so a crash between writing a
 *   document and projecting it is caught up on the next sync.
 * - sync_peers: how far this book has read each other device's bundles in the shared folder.
 * - sync_conflicts: fields given different values on devices while apart, as projected (rebuilt
 *   from the documents for the records they touch).
 */
export const migration021: Migration = {
  version: 21,
  name: 'sharing one book between devices',
  up: (db) => {
    db.exec(`
      CREATE TABLE sync_outbox (
        tbl TEXT NOT NULL,
        row_key TEXT NOT NULL,
        base_json TEXT,
        PRIMARY KEY (tbl, row_key)
      ) WITHOUT ROWID;
      CREATE TABLE sync_buckets (
        bucket INTEGER PRIMARY KEY,
        projected_heads TEXT NOT NULL DEFAULT '[]',
        exported_heads TEXT NOT NULL DEFAULT '[]'
      );
      CREATE TABLE sync_peers (
        device_id TEXT PRIMARY KEY,
        folder_seq INTEGER NOT NULL DEFAULT 0
      );
      CREATE TABLE sync_conflicts (
        tbl TEXT NOT NULL,
        row_key TEXT NOT NULL,
        col TEXT NOT NULL,
        values_json TEXT NOT NULL,
        PRIMARY KEY (tbl, row_key, col)
      ) WITHOUT ROWID;
    `);
  },
};
