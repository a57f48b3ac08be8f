import type { Migration } from './types';

/**
 * The shop's network (issue 19, docs/design/multi-device.md "Devices and security"): what a serving
 * device knows of the devices it lets in. Per device, never replicated (no capture triggers), and
 * wiped from every copy of the book that leaves for a joining device.
 *
 * - sync_pairings: one-time pairing secrets handed out in invitations; `device_id` is the device
 *   that used one (it may use it again to finish an interrupted pairing, nobody else can).
 * - sync_links: each paired device's link credential (the TLS pre-shared key it connects with);
 *   `revoked_at` set when the device is removed: its connections are refused from then on.
 */
export const migration025: Migration = {
  version: 25,
  name: 'links to devices on the shop network',
  up: (db) => {
    db.exec(`
      CREATE TABLE sync_pairings (
        id TEXT PRIMARY KEY,
        secret TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        device_id TEXT
      ) STRICT;
      CREATE TABLE sync_links (
        device_id TEXT PRIMARY KEY,
        secret TEXT NOT NULL,
        created_at TEXT NOT NULL,
        revoked_at TEXT
      ) STRICT;
    `);
  },
};
