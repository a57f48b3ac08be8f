import { existsSync } from 'node:fs';
import { openDatabase } from './db/connection';
import { schemaVersionOf } from './db/migrate';
import { latestSchemaVersion } from './db/migrations';
import { bookPath } from './paths';
import { heldRecords, type HeldRecord } from './sync';

export interface BookHealth {
  sound: boolean;
  problems: string[];
  schemaVersion: number;
  counts: { customers: number; visits: number };
}

/** References that have not arrived within a week will not: the device that sent the record never sent them. */
const waitForReferencesMs = 7 * 86_400_000;

/**
 * A shared book's records that another device sent and this book could not write: one that breaks
 * a rule of the book at once, one still waiting for its references after a week.
 */
const heldRecordProblems = (held: readonly HeldRecord[]): string[] =>
  held
    .filter((record) => record.reason === 'breaks_rule' || Date.now() - Date.parse(record.first_at) > waitForReferencesMs)
    .slice(0, 20)
    .map((record) => `sync: ${record.tbl} ${record.row_key} from another device cannot be written into this book since ${record.first_at} (${record.detail})`);

const unsound = (problem: string): BookHealth => ({ sound: false, problems: [problem], schemaVersion: 0, counts: { customers: 0, visits: 0 } });

/**
 * Judges a book without changing it: SQLite's integrity check, foreign keys, the schema version,
 * that the search index holds exactly one entry per customer, and for a shared book that every
 * record the other devices sent could be written.
 */
export const checkBook = (dataDir: string, projectRoot?: string): BookHealth => {
  const file = bookPath(dataDir);
  if (!existsSync(file)) return unsound(`no customer book at ${file}`);
  let db;
  try {
    db = openDatabase(file, { readonly: true, projectRoot });
  } catch (caught) {
    return unsound(`cannot open ${file}: ${(caught as Error).message}`);
  }
  try {
    const problems: string[] = [];
    const integrity = db.pragma('integrity_check', { simple: false }) as { integrity_check: string }[];
    if (integrity.length !== 1 || integrity[0]?.integrity_check !== 'ok') {
      problems.push(...integrity.slice(0, 20).map((row) => `integrity: ${row.integrity_check}`));
    }
    const foreignKeys = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
    problems.push(...foreignKeys.slice(0, 20).map((row) => `foreign key: ${row.table} row ${row.rowid} points to a missing ${row.parent}`));
    const schemaVersion = schemaVersionOf(db);
    if (schemaVersion > latestSchemaVersion) problems.push(`schema ${schemaVersion} is newer than this app (${latestSchemaVersion})`);
    const count = (sql: string): number => (db.prepare(sql).pluck().get() as number | undefined) ?? 0;
    const counts = schemaVersion >= 1
      ? { customers: count('SELECT count(*) FROM customers'), visits: count("SELECT count(*) FROM visits WHERE kind = 'visit'") }
      : { customers: 0, visits: 0 };
    if (schemaVersion >= 1) {
      const indexed = count('SELECT count(*) FROM customers_fts');
      if (indexed !== counts.customers) problems.push(`search index has ${indexed} entries for ${counts.customers} customers`);
    }
    if (count("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sync_held'") === 1) problems.push(...heldRecordProblems(heldRecords(db)));
    return { sound: problems.length === 0, problems, schemaVersion, counts };
  } catch (caught) {
    return unsound(`${file} is damaged or not a Regulars book: ${(caught as Error).message}`);
  } finally {
    db.close();
  }
};
