import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';

export type SecretKind = 'pin' | 'recovery';

export interface DbOwnerSecretRow {
  kind: SecretKind;
  hash: string;
  set_at: string;
  failed_attempts: number;
  retry_at: string | null;
}

const statements = statementsFor((db) => ({
  get: db.prepare<[string], DbOwnerSecretRow>('SELECT * FROM owner_secrets WHERE kind = ?'),
  put: db.prepare<[string, string, string]>(`
    INSERT INTO owner_secrets (kind, hash, set_at, failed_attempts, retry_at) VALUES (?, ?, ?, 0, NULL)
    ON CONFLICT (kind) DO UPDATE SET hash = excluded.hash, set_at = excluded.set_at, failed_attempts = 0, retry_at = NULL`),
  setAttempts: db.prepare<[number, string | null, string]>('UPDATE owner_secrets SET failed_attempts = ?, retry_at = ? WHERE kind = ?'),
  deleteAll: db.prepare('DELETE FROM owner_secrets'),
}));

export const getOwnerSecret = (db: Db, kind: SecretKind): DbOwnerSecretRow | null => statements(db).get.get(kind) ?? null;

export const hasOwnerPin = (db: Db): boolean => getOwnerSecret(db, 'pin') !== null;

/** Stores a new hash and forgets the wrong attempts made against the old one. */
export const putOwnerSecret = (db: Db, kind: SecretKind, hash: string, setAt: string): void => {
  statements(db).put.run(kind, hash, setAt);
};

export const setFailedAttempts = (db: Db, kind: SecretKind, failedAttempts: number, retryAt: string | null): void => {
  statements(db).setAttempts.run(failedAttempts, retryAt, kind);
};

export const deleteOwnerSecrets = (db: Db): void => {
  statements(db).deleteAll.run();
};
