import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AppError } from '../../shared/errors';
import { openDatabase, type Db } from './db/connection';
import { migrate, NewerBookError, type MigrationOutcome } from './db/migrate';
import { bookPath } from './paths';
import { errorCodeForSqlite } from './sqlite-errors';

/** Why a book could not be opened, as an error value the UI and the CLI can translate. */
export class BookOpenError extends Error {
  constructor(readonly error: AppError) {
    super(error.message);
  }
}

export interface OpenedBook {
  db: Db;
  file: string;
  migration: MigrationOutcome;
}

const toBookOpenError = (caught: unknown): BookOpenError => {
  if (caught instanceof BookOpenError) return caught;
  if (caught instanceof NewerBookError) {
    return new BookOpenError({
      code: 'BOOK_NEWER_VERSION',
      message: caught.message,
      details: { bookVersion: caught.bookVersion, appVersion: caught.appVersion },
    });
  }
  const code = errorCodeForSqlite(caught);
  if (code === 'BOOK_CORRUPT' || code === null) {
    return new BookOpenError({ code: 'BOOK_CORRUPT', message: String((caught as Error).message), details: { reason: 'open' } });
  }
  return new BookOpenError({ code, message: String((caught as Error).message) });
};

/** Opens (creating if needed) the book in a data folder and brings it to the latest schema. */
export const openBook = (dataDir: string, options: { projectRoot?: string; now: () => Date }): OpenedBook => {
  const file = bookPath(dataDir);
  let db: Db | null = null;
  try {
    mkdirSync(dataDir, { recursive: true });
    db = openDatabase(file, { projectRoot: options.projectRoot });
    const stamp = options.now().toISOString().replace(/[:.]/g, '-');
    const migration = migrate(db, (from, to) => path.join(dataDir, `regulars.before-v${to}-from-v${from}-${stamp}.db`));
    return { db, file, migration };
  } catch (caught) {
    db?.close();
    throw toBookOpenError(caught);
  }
};
