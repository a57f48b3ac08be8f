import type { Db } from '../../db/connection';
import { statementsFor } from '../../db/statements';

/** Pairing secrets and link credentials of a serving device (migration 025). */
const statements = statementsFor((db) => ({
  addPairing: db.prepare<[string, string, string, string]>('INSERT INTO sync_pairings (id, secret, created_at, expires_at) VALUES (?, ?, ?, ?)'),
  pairing: db.prepare<[string], { secret: string; expires_at: string; device_id: string | null }>('SELECT secret, expires_at, device_id FROM sync_pairings WHERE id = ?'),
  usePairing: db.prepare<[string, string]>('UPDATE sync_pairings SET device_id = ? WHERE id = ? AND device_id IS NULL'),
  link: db.prepare<[string], { secret: string; revoked_at: string | null }>('SELECT secret, revoked_at FROM sync_links WHERE device_id = ?'),
  putLink: db.prepare<[string, string, string]>(
    'INSERT INTO sync_links (device_id, secret, created_at) VALUES (?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET secret = excluded.secret, created_at = excluded.created_at, revoked_at = NULL',
  ),
  revokeLink: db.prepare<[string, string]>('UPDATE sync_links SET revoked_at = ? WHERE device_id = ? AND revoked_at IS NULL'),
  revokePairings: db.prepare<[string]>('DELETE FROM sync_pairings WHERE device_id = ?'),
}));

export const addPairing = (db: Db, id: string, secret: string, createdAt: string, expiresAt: string): void =>
  void statements(db).addPairing.run(id, secret, createdAt, expiresAt);
export const storedPairing = (db: Db, id: string) => statements(db).pairing.get(id) ?? null;
/** Marks a pairing used by `deviceId`; false when another device used it first. */
export const usePairing = (db: Db, id: string, deviceId: string): boolean => statements(db).usePairing.run(deviceId, id).changes === 1;

export const storedLink = (db: Db, deviceId: string) => statements(db).link.get(deviceId) ?? null;
export const putLink = (db: Db, deviceId: string, secret: string, createdAt: string): void => void statements(db).putLink.run(deviceId, secret, createdAt);
/** Revokes a device's link and forgets the pairings it used; answers whether it had a link to revoke. */
export const revokeLink = (db: Db, deviceId: string, at: string): boolean => {
  statements(db).revokePairings.run(deviceId);
  return statements(db).revokeLink.run(at, deviceId).changes === 1;
};

/**
 * A book copied from another device: that device's pairings and links are not this one's (a copy
 * from a version before migration 025 has none).
 */
export const forgetLinks = (db: Db): void => {
  const tables = db.prepare<[], number>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('sync_pairings', 'sync_links')").pluck().get();
  if (tables === 2) db.exec('DELETE FROM sync_pairings; DELETE FROM sync_links;');
};

/**
 * A copy of the book about to leave for a joining device: the serving device's secrets are wiped
 * from it, with their pages overwritten (secure_delete), so the copy holds no other device's link.
 */
export const wipeLinksFromCopy = (copy: Db): void => {
  copy.pragma('secure_delete = ON');
  forgetLinks(copy);
};
