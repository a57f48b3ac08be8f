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
  const steps = migrations.filter((step) => step.version > from);
  db.transaction(() => {
    for (const migration of steps) {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
  // Only an existing book has pages to give back; a new one is empty. A VACUUM cut short (power
  // cut) leaves the migrated book as it was committed: SQLite rolls the VACUUM back.
  if (from > 0 && steps.some((step) => step.compactAfter)) {
    db.exec('VACUUM');
    // In WAL mode the compacted pages sit in the log until a checkpoint writes them back.
    db.pragma('wal_checkpoint(TRUNCATE)');
  }
  return { from, to: latestSchemaVersion, safetyCopy };
};
