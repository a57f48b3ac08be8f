import { err, ok, type Result } from '../../../shared/result';
import { openDatabase, type Db } from '../db/connection';
import { schemaVersionOf } from '../db/migrate';
import { latestSchemaVersion } from '../db/migrations';
import type { JobContext } from '../jobs/types';
import { initialSettings } from '../settings/defaults';
import { readSettings, readStateValue } from '../settings/queries';
import { errorCodeForSqlite } from '../sqlite-errors';
import { bookCounts } from '../transfer/export/tables';

const mmapBytes = 4 * 1024 * 1024 * 1024;

export interface BookFacts {
  schemaVersion: number;
  counts: Record<string, number>;
  shopName: string;
  bookId: string;
}

/**
 * A consistent copy of the live book by SQLite's online backup API, in one step: the copy is
 * the book as of one instant, however busy the counter is, and never a copy of the raw file.
 */
export const snapshotBook = async (bookFile: string, snapshotFile: string, job: JobContext): Promise<void> => {
  job.report('snapshot', 0, 0);
  const source = openDatabase(bookFile, { readonly: true, projectRoot: job.projectRoot });
  try {
    await source.backup(snapshotFile, { progress: () => Number.MAX_SAFE_INTEGER });
  } finally {
    source.close();
  }
};

/** Counts what the book holds; tables a book from an older version does not have yet count as absent. */
const countsOf = (db: Db): Record<string, number> => {
  try {
    return bookCounts(db);
  } catch (caught) {
    if (/no such table/.test(String((caught as Error).message))) return {};
    throw caught;
  }
};

/**
 * Checks a book file on its own: SQLite's quick_check (every page and record, b-tree structure,
 * NOT NULL and CHECK constraints — all of integrity_check except cross-checking each index
 * against its table, which takes minutes on a large book), then its schema version and contents.
 * With `makeSelfContained`, a copy still marked for WAL is turned into one standalone file.
 */
export const checkBookFile = (file: string, job: JobContext, options: { makeSelfContained: boolean }): Result<BookFacts> => {
  job.report('verify', 0, 0);
  let db: Db | null = null;
  try {
    if (options.makeSelfContained) {
      const writable = openDatabase(file, { projectRoot: job.projectRoot });
      writable.pragma('journal_mode = DELETE');
      writable.close();
    }
    db = openDatabase(file, { readonly: true, projectRoot: job.projectRoot });
    // Reading the copy through memory-mapped I/O halves the time of the check on a large book.
    db.pragma(`mmap_size = ${mmapBytes}`);
    const verdict = db.pragma('quick_check', { simple: true });
    if (verdict !== 'ok') return err('BOOK_CORRUPT', { reason: 'check' });
    const schemaVersion = schemaVersionOf(db);
    if (schemaVersion > latestSchemaVersion) return err('BOOK_NEWER_VERSION', { bookVersion: schemaVersion, appVersion: latestSchemaVersion });
    if (schemaVersion < 1) return err('BOOK_CORRUPT', { reason: 'check' });
    const bookId = readStateValue(db, 'bookId');
    return ok({
      schemaVersion,
      counts: countsOf(db),
      shopName: readSettings(db, initialSettings([])).shopName,
      bookId: typeof bookId === 'string' ? bookId : '',
    });
  } catch (caught) {
    if (errorCodeForSqlite(caught) === 'BOOK_CORRUPT') return err('BOOK_CORRUPT', { reason: 'check' });
    throw caught;
  } finally {
    db?.close();
  }
};
