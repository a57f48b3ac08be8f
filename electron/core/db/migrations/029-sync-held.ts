import type { Migration } from './types';

/**
 * Records another device sent that this book could not write (issue 19): one whose references have
 * not arrived yet waits for them and is written at a later sync; one that breaks a rule of the book
 * (a CHECK, a UNIQUE key) would wait for ever, its bucket written again at every sync. Each is kept
 * here, on this device, from the first sync that could not write it until one does, so `check` can
 * name it instead of the device silently holding a different book.
 */
export const migration029: Migration = {
  version: 29,
  name: 'records another device sent that this book could not write',
  up: (db) => {
    db.exec(`
      CREATE TABLE sync_held (
        tbl TEXT NOT NULL,
        row_key TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (reason IN ('missing_reference', 'breaks_rule')),
        detail TEXT NOT NULL,
        first_at TEXT NOT NULL,
        last_at TEXT NOT NULL,
        PRIMARY KEY (tbl, row_key)
      );
    `);
  },
};
