import type { Migration } from './types';

/**
 * When this device last received another device's changes (Settings → Devices' "last synced", and
 * the shell's "a device not heard from for 7 days"): kept per device, never replicated — each
 * device knows only when it heard from the others. Null: nothing received from it yet.
 */
export const migration023: Migration = {
  version: 23,
  name: 'when each other device was last heard from',
  up: (db) => {
    db.exec('ALTER TABLE sync_peers ADD COLUMN last_received_at TEXT;');
  },
};
