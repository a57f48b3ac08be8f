import { errorCodeForSqlite } from '../sqlite-errors';
import { openDatabase, type Db } from './connection';

/** Large enough to map a whole book: reading through memory-mapped I/O halves the time of the check on a large book. */
export const mmapBytes = 4 * 1024 * 1024 * 1024;

/** quick_check on an open connection: true when sound; a book SQLite finds corrupt is not sound, any other failure is thrown. */
export const checkedSound = (db: Db): boolean => {
  try {
    return db.pragma('quick_check', { simple: true }) === 'ok';
  } catch (caught) {
    if (errorCodeForSqlite(caught) === 'BOOK_CORRUPT') return false;
    throw caught;
  }
};

/**
 * SQLite's quick_check of a book file: every page and record, the b-tree structure, the free
 * pages and NOT NULL constraints — all of integrity_check except cross-checking each index against
 * its table, which takes minutes on a large book and cannot differ between a copy and the book it
 * was copied from. (Opened read-only, SQLite does not load CHECK constraints, so rows breaking one
 * pass: such a book is still whole, and still backed up.) Kept apart from the backup feature so
 * the thread that runs it beside a backup (jobs/check-thread.ts) loads this and the SQLite module only.
 */
export const quickCheck = (file: string, projectRoot: string | undefined): boolean => {
  let db: Db | null = null;
  try {
    db = openDatabase(file, { readonly: true, projectRoot });
    db.pragma(`mmap_size = ${mmapBytes}`);
    return checkedSound(db);
  } catch (caught) {
    if (errorCodeForSqlite(caught) === 'BOOK_CORRUPT') return false;
    throw caught;
  } finally {
    db?.close();
  }
};
