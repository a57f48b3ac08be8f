import type { Db } from './connection';

const quoted = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Sets aside the indexes the book declares on `tables` for a bulk load, and returns what builds
 * them again. Each index is built once from the finished table, in key order (packed pages, and
 * far faster than keeping it up to date row by row, most of all an index in another order than
 * the rows arrive in). Unique indexes stay: writers rely on them for conflicts. Indexes come back
 * from the SQL the book itself holds, so whatever a migration made of them is what is rebuilt.
 * Must run inside the caller's write transaction, so a failure rolls all of it back.
 */
export const setAsideIndexes = (db: Db, tables: readonly string[]): (() => void) => {
  if (!db.inTransaction) throw new Error('setAsideIndexes needs a transaction');
  const indexes = db
    .prepare<[string], { name: string; sql: string }>(
      `SELECT name, sql FROM sqlite_schema
       WHERE type = 'index' AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'
         AND tbl_name IN (SELECT value FROM json_each(?))
       ORDER BY name`,
    )
    .all(JSON.stringify(tables));
  for (const index of indexes) db.exec(`DROP INDEX ${quoted(index.name)}`);
  return () => {
    for (const index of indexes) db.exec(index.sql);
  };
};
