import type { Db } from '../db/connection';
import { readStateValue, writeStateValue } from '../settings';
import { keepSendingBookkeeping, readSendingBookkeeping, type SendingBookkeeping } from './queries';

/**
 * This device's own sync settings (state.*, never replicated): its folder, its last sync and last
 * failure, whether it serves on the shop's network and on which port. They describe the device,
 * not the book, so neither a fetched book nor a restored backup brings another's.
 */
export const syncStateKeys = {
  folder: 'syncFolder',
  lastSynced: 'syncLastSyncedAt',
  lastError: 'syncLastError',
  serve: 'syncServe',
  servePort: 'syncServePort',
} as const;

/** What a restore keeps of this device's sharing: what it sent and read, and its own sync settings. */
export interface DeviceSyncBookkeeping extends SendingBookkeeping {
  settings: [key: string, value: unknown][];
}

export const readDeviceSyncBookkeeping = (db: Db): DeviceSyncBookkeeping => ({
  ...readSendingBookkeeping(db),
  settings: Object.values(syncStateKeys).map((key) => [key, readStateValue(db, key)]),
});

/** Puts this device's sharing back on a restored book (sync/queries.ts says what becomes of the rest). */
export const keepDeviceSyncBookkeeping = (db: Db, kept: DeviceSyncBookkeeping): void => {
  keepSendingBookkeeping(db, kept);
  for (const [key, value] of kept.settings) writeStateValue(db, key, value ?? null);
};
