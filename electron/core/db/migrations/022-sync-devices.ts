import type { Migration } from './types';

/**
 * The devices of a shared book (issue 19): every device registers itself when it starts sharing —
 * the inviting one when it invites, a joining one on its first sync after the book arrived — and
 * the registry replicates like the facts, so every device lists the same devices by name. A device
 * removed by the owner stays listed with the time of its removal.
 */
export const migration022: Migration = {
  version: 22,
  name: 'the devices of a shared book',
  up: (db) => {
    db.exec(`
      CREATE TABLE sync_devices (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        joined_at TEXT NOT NULL,
        removed_at TEXT
      );
    `);
  },
};
