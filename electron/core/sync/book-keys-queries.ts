import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';

/** A replaced book key, sealed for one device or with a newer key (migration 028). */
export interface BookKeyRow {
  id: string;
  key_id: string;
  made_at: string;
  made_by: string;
  for_device: string | null;
  sealed_with: string | null;
  sealed: string;
  /** The device whose removal this key followed (sealed into a key for a device, so vouched for by its maker). */
  removes: string | null;
}

const statements = statementsFor((db) => ({
  all: db.prepare<[], BookKeyRow>('SELECT id, key_id, made_at, made_by, for_device, sealed_with, sealed, removes FROM sync_book_keys ORDER BY id'),
  insert: db.prepare<BookKeyRow>(`
    INSERT INTO sync_book_keys (id, key_id, made_at, made_by, for_device, sealed_with, sealed, removes)
    VALUES (@id, @key_id, @made_at, @made_by, @for_device, @sealed_with, @sealed, @removes) ON CONFLICT (id) DO NOTHING`),
  removals: db.prepare<[], { id: string; removed_at: string }>('SELECT id, removed_at FROM sync_devices WHERE removed_at IS NOT NULL'),
  exchangeKeys: db.prepare<[], { id: string; exchange_key: string }>('SELECT id, exchange_key FROM sync_devices WHERE exchange_key IS NOT NULL'),
}));

export const bookKeyRows = (db: Db): BookKeyRow[] => statements(db).all.all();
export const insertBookKeyRow = (db: Db, row: BookKeyRow): void => void statements(db).insert.run(row);
/** When each removed device was removed. */
export const deviceRemovals = (db: Db): Map<string, string> => new Map(statements(db).removals.all().map((row) => [row.id, row.removed_at]));
/** Each registered device's public key. */
export const publishedExchangeKeys = (db: Db): Map<string, string> => new Map(statements(db).exchangeKeys.all().map((row) => [row.id, row.exchange_key]));
