import type { Migration } from './types';

/**
 * A removed device loses the shared folder too (issue 19): removing a device replaces the book's
 * sharing key, and the new key reaches only the devices that remain.
 * - sync_devices.exchange_key: each device's public X25519 key, published when it registers, to
 *   which a new book key is sealed for that device alone.
 * - sync_book_keys: the book keys made since, each sealed for every device that remained
 *   (`for_device`), and every earlier key sealed with the newer one (`sealed_with`), so a device
 *   that joins with the newest key can still open bundles written before it. A key sealed for a
 *   device names the device whose removal made it (`removes`, part of the seal), so a device that
 *   was away learns of the removal before it reads anything of the removed device's.
 */
export const migration028: Migration = {
  version: 28,
  name: 'book keys replaced when a device is removed',
  up: (db) => {
    db.exec(`
      ALTER TABLE sync_devices ADD COLUMN exchange_key TEXT;
      CREATE TABLE sync_book_keys (
        id TEXT PRIMARY KEY,
        key_id TEXT NOT NULL,
        made_at TEXT NOT NULL,
        made_by TEXT NOT NULL,
        for_device TEXT,
        sealed_with TEXT,
        sealed TEXT NOT NULL,
        removes TEXT,
        CHECK ((for_device IS NULL) <> (sealed_with IS NULL))
      );
    `);
  },
};
