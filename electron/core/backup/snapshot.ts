import { err, ok, type Result } from '../../../shared/result';
import { openDatabase, type Db } from '../db/connection';
import { schemaVersionOf } from '../db/migrate';
import { latestSchemaVersion } from '../db/migrations';
import type { JobContext } from '../jobs';
import { currentSettings, readStateValue } from '../settings';
import { errorCodeForSqlite } from '../sqlite-errors';
import { bookCounts } from '../transfer';

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

/** A copy still marked for WAL (as an online backup's is) turned into one standalone file. */
export const makeSelfContained = (file: string, projectRoot: string | undefined): void => {
  const writable = openDatabase(file, { projectRoot });
  try {
    writable.pragma('journal_mode = DELETE');
  } finally {
    writable.close();
  }
};

/**
 * SQLite's quick_check: every page and record, the b-tree structure, NOT NULL and CHECK
 * constraints — all of integrity_check except cross-checking each index against its table, which
 * takes minutes on a large book and cannot differ between a copy and the book it was copied from.
 */
export const quickCheck = (file: string, projectRoot: string | undefined): boolean => {
  let db: Db | null = null;
  try {
    db = openDatabase(file, { readonly: true, projectRoot });
    // Reading through memory-mapped I/O halves the time of the check on a large book.
    db.pragma(`mmap_size = ${mmapBytes}`);
    return db.pragma('quick_check', { simple: true }) === 'ok';
  } catch (caught) {
    if (errorCodeForSqlite(caught) === 'BOOK_CORRUPT') return false;
    throw caught;
  } finally {
    db?.close();
  }
};

/** The schema version and what the book holds; a book from a newer app is refused. */
export const readBookFacts = (file: string, projectRoot: string | undefined): Result<BookFacts> => {
  let db: Db | null = null;
  try {
    db = openDatabase(file, { readonly: true, projectRoot });
    const schemaVersion = schemaVersionOf(db);
    if (schemaVersion > latestSchemaVersion) return err('BOOK_NEWER_VERSION', { bookVersion: schemaVersion, appVersion: latestSchemaVersion });
    if (schemaVersion < 1) return err('BOOK_CORRUPT', { reason: 'check' });
    const bookId = readStateValue(db, 'bookId');
    return ok({
      schemaVersion,
      counts: countsOf(db),
      shopName: currentSettings({ db }).shopName,
      bookId: typeof bookId === 'string' ? bookId : '',
    });
  } catch (caught) {
    if (errorCodeForSqlite(caught) === 'BOOK_CORRUPT') return err('BOOK_CORRUPT', { reason: 'check' });
    throw caught;
  } finally {
    db?.close();
  }
};

/** A book file checked on its own: sound, readable by this app, and what it holds. */
export const checkBookFile = (file: string, job: JobContext): Result<BookFacts> => {
  job.report('verify', 0, 0);
  if (!quickCheck(file, job.projectRoot)) return err('BOOK_CORRUPT', { reason: 'check' });
  return readBookFacts(file, job.projectRoot);
};
