import type { CustomerSort } from '../../../shared/contract/customers';
import { keyRangeEnd } from '../../../shared/search-keys';
import type { Db } from '../db/connection';
import { jsonList, statementsFor } from '../db/statements';
import { listColumns, type DbCustomerListRow } from './rows';

/**
 * Search and list queries. Each takes `includeArchived` as 0/1 and `limit`; callers ask for one row
 * more than they show to know whether there are more.
 *
 * EXPLAIN QUERY PLAN (100,000 customers): the suffix search is a range SEARCH on
 * customer_phones_suffix; the grams search a SEARCH on the grams primary key; full-text search
 * reads the FTS5 index then looks customers up by rid; the spelled keys a range SEARCH on the keys'
 * primary key. All of them then sort by last_seen_at.
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
  byKeyPrefix: db.prepare<[string, string, number, number], DbCustomerListRow>(`
    SELECT ${listColumns} FROM customers c
    WHERE c.rid IN (SELECT k.customer_rid FROM customer_name_keys k WHERE k.key >= ? AND k.key < ?)
      AND (? = 1 OR c.archived_at IS NULL)
    ORDER BY c.last_seen_at DESC LIMIT ?`),
  countAll: db.prepare<[], { total: number }>('SELECT count(*) AS total FROM customers'),
  countActive: db.prepare<[], { total: number }>('SELECT count(*) AS total FROM customers INDEXED BY customers_active_rid WHERE archived_at IS NULL'),
  ...pageStatements(db),
}));

const flag = (value: boolean): number => (value ? 1 : 0);

/**
 * One page of the list: first the keys of the page from an index alone (OFFSET over 90,000 rows
 * costs milliseconds there), then those rows. With the filter written into each statement the
 * planner can use the partial indexes; a "? = 1 OR …" parameter would hide them.
 */
function pageStatements(db: Db) {
  const page = (order: string, where: string) =>
    db.prepare<[number, number], number>(`SELECT rid FROM customers ${where} ORDER BY ${order} LIMIT ? OFFSET ?`).pluck();
  const active = 'WHERE archived_at IS NULL';
  return {
    recentActive: page('last_seen_at DESC, rid DESC', active),
    recentAll: page('last_seen_at DESC, rid DESC', ''),
    nameActive: page('name COLLATE NOCASE, rid', active),
    nameAll: page('name COLLATE NOCASE, rid', ''),
    createdActive: page('rid DESC', active),
    createdAll: page('rid DESC', ''),
    rowsByRid: db.prepare<[string], DbCustomerListRow>(`SELECT ${listColumns} FROM customers c WHERE c.rid IN (SELECT value FROM json_each(?))`),
  };
}

export const searchByPhoneSuffix = (db: Db, reversedPrefixes: readonly string[], includeArchived: boolean, limit: number) =>
  statements(db).byPhoneSuffix.all(jsonList(reversedPrefixes), flag(includeArchived), limit);

export const searchByFullText = (db: Db, ftsQuery: string, filters: readonly string[], includeArchived: boolean, limit: number) =>
  statements(db).byFullText.all(ftsQuery, jsonList(filters), flag(includeArchived), limit);

export const searchByGram = (db: Db, gram: string, filters: readonly string[], includeArchived: boolean, limit: number) =>
  statements(db).byGram.all(gram, jsonList(filters), flag(includeArchived), limit);

/** Customers with a spelled name key (pinyin, initials, name without punctuation) that starts with `key`. */
export const searchByKeyPrefix = (db: Db, key: string, includeArchived: boolean, limit: number) =>
  statements(db).byKeyPrefix.all(key, keyRangeEnd(key), flag(includeArchived), limit);

export const countCustomers = (db: Db, includeArchived: boolean): number =>
  (includeArchived ? statements(db).countAll : statements(db).countActive).get()?.total ?? 0;

export const pageCustomers = (db: Db, sort: CustomerSort, includeArchived: boolean, limit: number, offset: number): DbCustomerListRow[] => {
  const s = statements(db);
  const statement = {
    recent: includeArchived ? s.recentAll : s.recentActive,
    name: includeArchived ? s.nameAll : s.nameActive,
    created: includeArchived ? s.createdAll : s.createdActive,
  }[sort];
  const rids = statement.all(limit, offset);
  const byRid = new Map(s.rowsByRid.all(jsonList(rids)).map((row) => [row.rid, row]));
  return rids.flatMap((rid) => byRid.get(rid) ?? []);
};
