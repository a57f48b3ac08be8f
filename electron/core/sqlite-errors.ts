export type SqliteFailureCode = 'BOOK_BUSY' | 'DISK_FULL' | 'READ_ONLY_BOOK' | 'BOOK_CORRUPT' | 'STORAGE_FAILED';

/** SQLite failures a user can act on, mapped to codes the UI explains; anything else is internal. */
export const errorCodeForSqlite = (caught: unknown): SqliteFailureCode | null => {
  const code = (caught as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return null;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'BOOK_BUSY';
  if (code === 'SQLITE_FULL' || (code.startsWith('SQLITE_IOERR') && isNoSpace(caught))) return 'DISK_FULL';
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') return 'READ_ONLY_BOOK';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'BOOK_CORRUPT';
  if (code.startsWith('SQLITE_IOERR')) return 'STORAGE_FAILED';
  return null;
};

const isNoSpace = (caught: unknown): boolean => /no space|disk is full/i.test(String((caught as Error).message));
