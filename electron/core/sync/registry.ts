import { hostname } from 'node:os';
import type { Db } from '../db/connection';
import { replicatedTable } from '../db/replicated';
import { noteForSending } from './queries';
import { deviceNameOf, deviceRows, insertDevice, setDeviceName, setDeviceRemoved } from './registry-queries';

/**
 * The devices of a shared book, by name: a replicated table, so every device lists the same ones.
 * Each device registers itself — the inviting one when it first invites, a joining one on its
 * first sync once the book has arrived (before that it has no book to write into).
 */

export interface SharedDevice {
  id: string;
  name: string;
  joinedAt: string;
  removedAt: string | null;
  thisDevice: boolean;
}

/** What a device is called when nobody named it: the computer's own name, as the shop knows it. */
export const defaultDeviceName = (): string => hostname().trim() || 'Regulars';

export const listDevices = (db: Db, thisDeviceId: string | null): SharedDevice[] =>
  deviceRows(db).map((row) => ({ id: row.id, name: row.name, joinedAt: row.joined_at, removedAt: row.removed_at, thisDevice: row.id === thisDeviceId }));

export const deviceName = (db: Db, id: string): string | null => deviceNameOf(db, id);

/**
 * Registers this device unless it is already. `noteItself`: the connection has no capture
 * triggers (the sync's own), so the new row is noted for sending here.
 */
export const registerDevice = (db: Db, id: string, name: string, at: string, noteItself: boolean): void => {
  if (deviceNameOf(db, id) !== null) return;
  const table = replicatedTable('sync_devices');
  // Noted before it exists, as a capture trigger would: the whole new record is sent.
  if (noteItself && table !== undefined) noteForSending(db, table, id);
  insertDevice(db, id, name, at);
};

/** Answers whether there was such a device. */
export const renameDevice = (db: Db, id: string, name: string): boolean => setDeviceName(db, id, name);

/** Marks a device removed by the owner; answers whether it was registered and not yet removed. */
export const markDeviceRemoved = (db: Db, id: string, at: string): boolean => setDeviceRemoved(db, id, at);
