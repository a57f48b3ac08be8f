import { keyRangeEnd } from '../../../shared/search-keys';
import type { Db } from '../db/connection';
import { jsonList, statementsFor } from '../db/statements';
import { listColumns, type DbCustomerListRow } from './rows';

/**
 * Search queries. Each takes `includeArchived` as 0/1 and `limit`; callers ask for one row
 * more than they show to know whether there are more.
 *
 * EXPLAIN QUERY PLAN (100,000 customers): the suffix search is a range SEARCH on
 * customer_phones_suffix; the grams search a SEARCH on the grams primary key; full-text search
 * reads the FTS5 index then looks customers up by rid. All three then sort by last_seen_at. The
 * spelled keys are read one of two ways (keyStatements).
 */
const statements = statementsFor((db) => ({
  byPhoneSuffix: db.prepare<[string, number, number], DbCustomerListRow>(`
    SELECT ${listColumns} FROM customers c
    WHERE c.id IN (
      SELECT p.customer_id FROM json_each(?) s
      JOIN customer_phones p ON p.national_reversed >= s.value AND p.national_reversed < s.value || ':')
      AND (? = 1 OR c.archived_at IS NULL)
    ORDER BY c.last_seen_at DESC LIMIT ?`),
  byFullText: db.prepare<[string, string, number, number], DbCustomerListRow>(`
    SELECT ${listColumns} FROM customers c
    WHERE c.rid IN (SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?)
      AND NOT EXISTS (SELECT 1 FROM json_each(?) f WHERE instr(c.name_key, f.value) = 0)
      AND (? = 1 OR c.archived_at IS NULL)
    ORDER BY c.last_seen_at DESC LIMIT ?`),
  byGram: db.prepare<[string, string, number, number], DbCustomerListRow>(`
    SELECT ${listColumns} FROM customer_name_grams g JOIN customers c ON c.rid = g.customer_rid
    WHERE g.gram = ?
      AND NOT EXISTS (SELECT 1 FROM json_each(?) f WHERE instr(c.name_key, f.value) = 0)
      AND (? = 1 OR c.archived_at IS NULL)
    ORDER BY c.last_seen_at DESC LIMIT ?`),
  ...keyStatements(db),
  rowsByRid: db.prepare<[string], DbCustomerListRow>(`SELECT ${listColumns} FROM customers c WHERE c.rid IN (SELECT value FROM json_each(?))`),
}));

const flag = (value: boolean): number => (value ? 1 : 0);

/** Above this many matching keys, walking customers by last visit finds the newest 51 sooner than sorting all the matches. */
const walkAboveMatches = 3000;

/**
 * Spelled-key searches, two ways to one answer (customers whose key starts with the typed text,
 * most recently seen first). A rare start ("lmh", 58 customers in 100,000) reads its matches and
 * sorts them by the last-seen time from a covering index; a common one ("chen", 12,000) walks
 * customers from the most recently seen and stops at the 51st match, each checked in the keys'
 * customer index alone. Measured on the full book, either way alone is 10–100× slower on the
 * other kind of start. The limit of the walk is a number, so these statements return rids.
 */
function keyStatements(db: Db) {
  const matches = '(SELECT customer_rid FROM customer_name_keys WHERE key >= ? AND key < ?)';
  const keyOf = 'EXISTS (SELECT 1 FROM customer_name_keys k WHERE k.customer_rid = c.rid AND k.key >= ? AND k.key < ?)';
  const rids = (sql: string) => db.prepare<[string, string, number], number>(sql).pluck();
  return {
    keyMatchCount: db.prepare<[string, string, number], number>('SELECT count(*) FROM (SELECT 1 FROM customer_name_keys WHERE key >= ? AND key < ? LIMIT ?)').pluck(),
    keySortActive: rids(`SELECT rid FROM customers c INDEXED BY customers_active_rid_seen WHERE rid IN ${matches} AND archived_at IS NULL ORDER BY last_seen_at DESC LIMIT ?`),
    keySortAll: rids(`SELECT rid FROM customers c WHERE rid IN ${matches} ORDER BY last_seen_at DESC LIMIT ?`),
    keyWalkActive: rids(`SELECT rid FROM customers c INDEXED BY customers_active_last_seen WHERE archived_at IS NULL AND ${keyOf} ORDER BY last_seen_at DESC LIMIT ?`),
    keyWalkAll: rids(`SELECT rid FROM customers c INDEXED BY customers_last_seen WHERE ${keyOf} ORDER BY last_seen_at DESC LIMIT ?`),
  };
}

export const searchByPhoneSuffix = (db: Db, reversedPrefixes: readonly string[], includeArchived: boolean, limit: number) =>
  statements(db).byPhoneSuffix.all(jsonList(reversedPrefixes), flag(includeArchived), limit);

export const searchByFullText = (db: Db, ftsQuery: string, filters: readonly string[], includeArchived: boolean, limit: number) =>
  statements(db).byFullText.all(ftsQuery, jsonList(filters), flag(includeArchived), limit);

export const searchByGram = (db: Db, gram: string, filters: readonly string[], includeArchived: boolean, limit: number) =>
  statements(db).byGram.all(gram, jsonList(filters), flag(includeArchived), limit);

/** Customers with a spelled name key (pinyin, initials, name without punctuation) that starts with `key`. */
export const searchByKeyPrefix = (db: Db, key: string, includeArchived: boolean, limit: number): DbCustomerListRow[] => {
  const s = statements(db);
  const end = keyRangeEnd(key);
  const common = s.keyMatchCount.get(key, end, walkAboveMatches + 1)! > walkAboveMatches;
  const statement = common ? (includeArchived ? s.keyWalkAll : s.keyWalkActive) : includeArchived ? s.keySortAll : s.keySortActive;
  return rowsInOrder(db, statement.all(key, end, limit));
};

/** The list rows of these customers, in the order given. */
export const rowsInOrder = (db: Db, rids: readonly number[]): DbCustomerListRow[] => {
  const byRid = new Map(statements(db).rowsByRid.all(jsonList(rids)).map((row) => [row.rid, row]));
  return rids.flatMap((rid) => byRid.get(rid) ?? []);
};
