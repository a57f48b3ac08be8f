import { statSync } from 'node:fs';
import { err, ok, type Result } from '../../../shared/result';
import { openDatabase, type Db } from '../db/connection';
import { schemaVersionOf } from '../db/migrate';
import { checkedSound, mmapBytes, quickCheck } from '../db/quick-check';
import { latestSchemaVersion } from '../db/migrations';
import type { JobContext } from '../jobs';
import { currentSettings, readStateValue } from '../settings';
import { errorCodeForSqlite } from '../sqlite-errors';
import { bookCounts } from '../transfer';

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

/** The live book held still for a backup that reads its file directly instead of copying it first. */
export interface PinnedBook {
  /** The file's bytes that are the book (its pages), as of the pin. */
  bookBytes: number;
  facts: () => Result<BookFacts>;
  /** True while no write has reached the write-ahead log since the pin: the book file is then all there is to read. */
  logStillEmpty: () => boolean;
  /** quick_check of the pinned book, on the connection that holds it. */
  quickCheck: () => boolean;
  release: () => void;
}

const logIsEmpty = (bookFile: string): boolean => {
  try {
    return statSync(`${bookFile}-wal`).size === 0;
  } catch (caught) {
    if ((caught as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw caught;
  }
};

/**
 * Holds the live book still without copying it: its write-ahead log folded into the file, then a
 * read transaction opened while the log is empty. Such a reader reads the book file alone, and
 * while it lasts SQLite folds no later write into the file (a checkpoint waits for it), so the
 * file's bytes are one consistent instant of the book, and stay so however busy the counter is.
 * Null when a write came between (the log is not empty): the caller copies the book instead.
 */
export const pinBook = (bookFile: string, projectRoot: string | undefined): PinnedBook | null => {
  const db = openDatabase(bookFile, { projectRoot });
  try {
    // Set before the read transaction begins, or the check would not read through it.
    db.pragma(`mmap_size = ${mmapBytes}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('BEGIN');
    // The first read starts the read transaction: the pin.
    const pages = db.prepare('SELECT (SELECT page_count FROM pragma_page_count()) * (SELECT page_size FROM pragma_page_size())').pluck().get() as number;
    if (!logIsEmpty(bookFile)) {
      db.exec('ROLLBACK');
      db.close();
      return null;
    }
    return {
      bookBytes: pages,
      facts: () => factsOf(db),
      logStillEmpty: () => logIsEmpty(bookFile),
      quickCheck: () => checkedSound(db),
      release: () => {
        db.exec('ROLLBACK');
        db.close();
      },
    };
  } catch (caught) {
    db.close();
    throw caught;
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

const factsOf = (db: Db): Result<BookFacts> => {
  try {
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
  }
};

/** The schema version and what the book holds; a book from a newer app is refused. */
export const readBookFacts = (file: string, projectRoot: string | undefined): Result<BookFacts> => {
  let db: Db | null = null;
  try {
    db = openDatabase(file, { readonly: true, projectRoot });
    return factsOf(db);
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
