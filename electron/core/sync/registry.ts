import { hostname } from 'node:os';
import type { Db } from '../db/connection';
import { replicatedTable } from '../db/replicated';
import { noteForSending } from './queries';
import { deviceNameOf, deviceRows, exchangeKeyOf, insertDevice, setDeviceName, setDeviceRemoved, setExchangeKey } from './registry-queries';

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
 * Registers this device, with its public key, unless it is already; a device registered before
 * devices published their keys publishes it now. `noteItself`: the connection has no capture
 * triggers (the sync's own), so the row is noted for sending here.
 */
export const registerDevice = (db: Db, id: string, name: string, at: string, exchangeKey: string, noteItself: boolean): void => {
  const published = exchangeKeyOf(db, id);
  if (published !== undefined && published !== null) return;
  const table = replicatedTable('sync_devices');
  // Noted before it is written, as a capture trigger would: a new record is sent whole.
  if (noteItself && table !== undefined) noteForSending(db, table, id);
  if (published === undefined) insertDevice(db, id, name, at, exchangeKey);
  else setExchangeKey(db, id, exchangeKey);
};

/** Answers whether there was such a device. */
export const renameDevice = (db: Db, id: string, name: string): boolean => setDeviceName(db, id, name);

/** Marks a device removed by the owner; answers whether it was registered and not yet removed. */
export const markDeviceRemoved = (db: Db, id: string, at: string): boolean => setDeviceRemoved(db, id, at);
