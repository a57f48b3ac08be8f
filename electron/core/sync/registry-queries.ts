import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';

export interface DeviceRow {
  id: string;
  name: string;
  joined_at: string;
  removed_at: string | null;
}

/** The devices of a shared book (migration 022). */
const statements = statementsFor((db) => ({
  all: db.prepare<[], DeviceRow>('SELECT id, name, joined_at, removed_at FROM sync_devices ORDER BY joined_at, id'),
  name: db.prepare<[string], string>('SELECT name FROM sync_devices WHERE id = ?').pluck(),
  insert: db.prepare<[string, string, string, string]>('INSERT INTO sync_devices (id, name, joined_at, exchange_key) VALUES (?, ?, ?, ?)'),
  exchangeKeyOf: db.prepare<[string], string | null>('SELECT exchange_key FROM sync_devices WHERE id = ?').pluck(),
  setExchangeKey: db.prepare<[string, string]>('UPDATE sync_devices SET exchange_key = ? WHERE id = ?'),
  remaining: db.prepare<[], { id: string; exchange_key: string | null }>('SELECT id, exchange_key FROM sync_devices WHERE removed_at IS NULL ORDER BY id'),
  rename: db.prepare<[string, string]>('UPDATE sync_devices SET name = ? WHERE id = ?'),
  remove: db.prepare<[string, string]>('UPDATE sync_devices SET removed_at = ? WHERE id = ? AND removed_at IS NULL'),
}));

export const deviceRows = (db: Db): DeviceRow[] => statements(db).all.all();
export const deviceNameOf = (db: Db, id: string): string | null => statements(db).name.get(id) ?? null;
export const insertDevice = (db: Db, id: string, name: string, at: string, exchangeKey: string): void => void statements(db).insert.run(id, name, at, exchangeKey);
/** Undefined: no such device; null: registered before devices published their keys. */
export const exchangeKeyOf = (db: Db, id: string): string | null | undefined => statements(db).exchangeKeyOf.get(id);
export const setExchangeKey = (db: Db, id: string, key: string): void => void statements(db).setExchangeKey.run(key, id);
/** The devices not removed, with their public keys (null: not yet published). */
export const remainingDevices = (db: Db): { id: string; exchange_key: string | null }[] => statements(db).remaining.all();
/** Answers whether the device is registered. */
export const setDeviceName = (db: Db, id: string, name: string): boolean => statements(db).rename.run(name, id).changes > 0;
/** Answers whether the device was registered and not yet removed. */
export const setDeviceRemoved = (db: Db, id: string, at: string): boolean => statements(db).remove.run(at, id).changes > 0;
