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
  insert: db.prepare<[string, string, string]>('INSERT INTO sync_devices (id, name, joined_at) VALUES (?, ?, ?)'),
  rename: db.prepare<[string, string]>('UPDATE sync_devices SET name = ? WHERE id = ?'),
  remove: db.prepare<[string, string]>('UPDATE sync_devices SET removed_at = ? WHERE id = ? AND removed_at IS NULL'),
}));

export const deviceRows = (db: Db): DeviceRow[] => statements(db).all.all();
export const deviceNameOf = (db: Db, id: string): string | null => statements(db).name.get(id) ?? null;
export const insertDevice = (db: Db, id: string, name: string, at: string): void => void statements(db).insert.run(id, name, at);
/** Answers whether the device is registered. */
export const setDeviceName = (db: Db, id: string, name: string): boolean => statements(db).rename.run(name, id).changes > 0;
/** Answers whether the device was registered and not yet removed. */
export const setDeviceRemoved = (db: Db, id: string, at: string): boolean => statements(db).remove.run(at, id).changes > 0;
