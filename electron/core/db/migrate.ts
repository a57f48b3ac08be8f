import { existsSync } from 'node:fs';
import type { Db } from './connection';
import { migrations as shippedMigrations } from './migrations';
import type { Migration } from './migrations/types';

export interface MigrationOutcome {
  from: number;
  to: number;
  /** The copy taken before an existing book was migrated; null for a new book or no migration. */
  safetyCopy: string | null;
}

export class NewerBookError extends Error {
  constructor(
    readonly bookVersion: number,
    readonly appVersion: number,
  ) {
    super(`The book was written by a newer Regulars (schema ${bookVersion}; this app knows ${appVersion}).`);
  }
}

export const schemaVersionOf = (db: Db): number => db.pragma('user_version', { simple: true }) as number;

/**
 * Brings a book to the latest schema in one transaction. An existing book is first copied with
 * VACUUM INTO (a consistent snapshot, not a file copy), so a failed upgrade never costs data.
 */
export const migrate = (
  db: Db,
  safetyCopyPath: (from: number, to: number) => string,
  migrations: readonly Migration[] = shippedMigrations,
): MigrationOutcome => {
  const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
  const from = schemaVersionOf(db);
  if (from > latestSchemaVersion) throw new NewerBookError(from, latestSchemaVersion);
  if (from === latestSchemaVersion) return { from, to: from, safetyCopy: null };
  let safetyCopy: string | null = null;
  if (from > 0) {
    safetyCopy = safetyCopyPath(from, latestSchemaVersion);
    if (!existsSync(safetyCopy)) db.prepare('VACUUM INTO ?').run(safetyCopy);
  }
  db.transaction(() => {
    for (const migration of migrations.filter((step) => step.version > from)) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
  return { from, to: latestSchemaVersion, safetyCopy };
};
