import { keyRangeEnd } from '../../../shared/search-keys';
import type { Db } from '../db/connection';
import { jsonList, statementsFor } from '../db/statements';
import { listColumns, type DbCustomerListRow } from './rows';

/**
 * Search queries. Callers ask for one row more than they show to know whether there are more.
 *
 * Every way of matching (name grams, full text, phone endings, spelled keys) answers the same
 * question — the matching customers, most recently seen first — one of two ways, chosen by how many
 * customers match (`rankedRids`). A rare match ("陳志", 178 customers in 100,000) reads its matches
 * and sorts them by the last-seen time from the covering index customers_active_rid_seen, never
 * touching the customers' rows. A common one ("陳", 8,445; the phone ending "5", one in ten) walks
 * customers from the most recently seen and stops at the 51st match, each checked in the match's
 * own index — or, for full text up to `listUpTo` matches, against its matches read once. Measured
 * on the full book with a cold cache, sorting "陳" by the customers' rows took 125–270 ms, walking
 * takes 8–16; walking a rare match instead of sorting it is 10–100× slower.
 * Only the rows shown are then read (`rowsInOrder`). Short words beside the matched one filter on
 * the name key (a JSON list); a filtered match is always sorted, and a match without filters is
 * ranked by statements without the clause.
 *
 * EXPLAIN QUERY PLAN (100,000 customers): sorting is a SEARCH of customers_active_rid_seen by rid
 * (covering) and a temp B-tree for the order — filtered, a SEARCH of customers by its integer
 * primary key, whose row holds the name key; walking a SCAN of customers_active_last_seen with the
 * match as a correlated EXISTS: a SEARCH on the grams' customer index, on customer_phones' primary
 * key, on the spelled keys' customer index, or FTS5 by rowid. Archived customers included, the same
 * on the customers table and customers_last_seen.
 */
interface MatchSource {
  /** How many parameters the match takes, before the filters and the limit. */
  parameters: number;
  /** SELECT of the matching customers' rids. */
  rids: string;
  /** The match as a condition on the customer `c`. */
  matchOf: string;
  /** SELECT 1 per match, for counting them up to a cap (a customer may match more than once). */
  each: string;
  /**
   * Up to this many matches a walk reads the matches once, as a list (`c.rid IN (rids)`), instead
   * of asking `matchOf` of every customer it passes. For full text that question is a MATCH of its
   * own each time: on the huge book (1,000,000 customers) walking the 10,885 matches of "alice" took
   * 163 ms asking each customer and 2.8 ms from the list. Past it, reading every match costs more
   * than the walk's questions ("exa", 352,248 matches: 47 ms as a list, 7 ms asking).
   */
  listUpTo?: number;
}

const sources = {
  gram: {
    parameters: 1,
    rids: 'SELECT customer_rid FROM customer_name_grams WHERE gram = ?',
    matchOf: 'EXISTS (SELECT 1 FROM customer_name_grams g WHERE g.gram = ? AND g.customer_rid = c.rid)',
    each: 'SELECT 1 FROM customer_name_grams WHERE gram = ?',
  },
  fullText: {
    parameters: 1,
    rids: 'SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?',
    matchOf: 'EXISTS (SELECT 1 FROM customers_fts WHERE customers_fts MATCH ? AND rowid = c.rid)',
    each: 'SELECT 1 FROM customers_fts WHERE customers_fts MATCH ?',
    listUpTo: 30_000,
  },
  /** Phone endings: a JSON list of reversed digit prefixes (the number as typed and as a national number). */
  phoneSuffix: {
    parameters: 1,
    rids: `SELECT m.rid FROM json_each(?) s
      JOIN customer_phones p ON p.national_reversed >= s.value AND p.national_reversed < s.value || ':'
      JOIN customers m ON m.id = p.customer_id`,
    matchOf: `EXISTS (SELECT 1 FROM json_each(?) s JOIN customer_phones p
      ON p.customer_id = c.id AND p.national_reversed >= s.value AND p.national_reversed < s.value || ':')`,
    each: `SELECT 1 FROM json_each(?) s JOIN customer_phones p ON p.national_reversed >= s.value AND p.national_reversed < s.value || ':'`,
  },
  /** Spelled keys (pinyin, initials, names without punctuation) starting with the key: from the key to the end of its range. */
  keyPrefix: {
    parameters: 2,
    rids: 'SELECT customer_rid FROM customer_name_keys WHERE key >= ? AND key < ?',
    matchOf: 'EXISTS (SELECT 1 FROM customer_name_keys k WHERE k.customer_rid = c.rid AND k.key >= ? AND k.key < ?)',
    each: 'SELECT 1 FROM customer_name_keys WHERE key >= ? AND key < ?',
  },
} satisfies Record<string, MatchSource>;
type SourceName = keyof typeof sources;

/** Above this many matches, walking customers by last seen finds the newest 51 sooner than sorting all the matches. */
const walkAboveMatches = 3000;

const filtered = 'NOT EXISTS (SELECT 1 FROM json_each(?) f WHERE instr(c.name_key, f.value) = 0)';

/** A customer a search matched, with the last-seen time it is ranked by (read from the index that ranks it). */
export interface SearchMatch {
  rid: number;
  lastSeenAt: string;
}

function rankedStatements(db: Db, source: MatchSource) {
  type Parameters = [...unknown[]];
  const rids = (sql: string) => db.prepare<Parameters, [number, string]>(sql).raw();
  const walks = (match: string) => ({
    active: rids(`SELECT rid, last_seen_at FROM customers c INDEXED BY customers_active_last_seen WHERE archived_at IS NULL AND ${match} ORDER BY last_seen_at DESC LIMIT ?`),
    all: rids(`SELECT rid, last_seen_at FROM customers c INDEXED BY customers_last_seen WHERE ${match} ORDER BY last_seen_at DESC LIMIT ?`),
  });
  const sorts = (reading: string, filter: string) => ({
    active: rids(`SELECT rid, last_seen_at FROM customers c ${reading} WHERE rid IN (${source.rids})${filter} AND archived_at IS NULL ORDER BY last_seen_at DESC LIMIT ?`),
    all: rids(`SELECT rid, last_seen_at FROM customers c WHERE rid IN (${source.rids})${filter} ORDER BY last_seen_at DESC LIMIT ?`),
  });
  return {
    count: db.prepare<Parameters, number>(`SELECT count(*) FROM (${source.each} LIMIT ?)`).pluck(),
    // A query of one word has no filter and is ranked without the clause: SQLite opens the
    // filter's json_each for every candidate even when its list is empty, which made sorting the
    // 1,543 matches of "guo" take 3.0 ms instead of 1.2.
    sort: sorts('INDEXED BY customers_active_rid_seen', ''),
    // A filter reads each candidate's name key from its row: each is found by its rid in the table
    // itself, not first in the covering index (the 4,417 matches of "li" filtered by "y": 3.3 ms, not 19).
    sortFiltered: sorts('NOT INDEXED', ` AND ${filtered}`),
    walk: walks(source.matchOf),
    walkListed: walks(`c.rid IN (${source.rids})`),
    listUpTo: source.listUpTo ?? walkAboveMatches,
  };
}

const statements = statementsFor((db) => ({
  ranked: Object.fromEntries(Object.entries(sources).map(([name, source]) => [name, rankedStatements(db, source)])) as Record<
    SourceName,
    ReturnType<typeof rankedStatements>
  >,
  rowsByRid: db.prepare<[string], DbCustomerListRow>(`SELECT ${listColumns} FROM customers c WHERE c.rid IN (SELECT value FROM json_each(?))`),
}));

/** One way of ranking matches, over active customers or over all. */
type Ranking = ReturnType<typeof rankedStatements>['sort'];

/** The customers the source matches for `match`, most recently seen first, sorted or walked by how many match. */
const ranked = (db: Db, source: SourceName, match: readonly unknown[], filters: readonly string[], includeArchived: boolean, limit: number): SearchMatch[] => {
  const s = statements(db).ranked[source];
  const pick = (order: Ranking) => (includeArchived ? order.all : order.active);
  // Filters make a common match rare ("陳 明"): walking would pass thousands of customers for each one kept.
  if (filters.length > 0) return pick(s.sortFiltered).all(...match, jsonList(filters), limit).map(([rid, lastSeenAt]) => ({ rid, lastSeenAt }));
  const matches = s.count.get(...match, Math.max(s.listUpTo, walkAboveMatches) + 1)!;
  const order = matches <= walkAboveMatches ? s.sort : matches <= s.listUpTo ? s.walkListed : s.walk;
  return pick(order).all(...match, limit).map(([rid, lastSeenAt]) => ({ rid, lastSeenAt }));
};

export const searchByPhoneSuffix = (db: Db, reversedPrefixes: readonly string[], includeArchived: boolean, limit: number) =>
  ranked(db, 'phoneSuffix', [jsonList(reversedPrefixes)], [], includeArchived, limit);

export const searchByFullText = (db: Db, ftsQuery: string, filters: readonly string[], includeArchived: boolean, limit: number) =>
  ranked(db, 'fullText', [ftsQuery], filters, includeArchived, limit);

export const searchByGram = (db: Db, gram: string, filters: readonly string[], includeArchived: boolean, limit: number) =>
  ranked(db, 'gram', [gram], filters, includeArchived, limit);

/** Customers with a spelled name key (pinyin, initials, name without punctuation) that starts with `key`. */
export const searchByKeyPrefix = (db: Db, key: string, includeArchived: boolean, limit: number): SearchMatch[] =>
  ranked(db, 'keyPrefix', [key, keyRangeEnd(key)], [], includeArchived, limit);

/** The list rows of these customers, in the order given. */
export const rowsInOrder = (db: Db, rids: readonly number[]): DbCustomerListRow[] => {
  const byRid = new Map(statements(db).rowsByRid.all(jsonList(rids)).map((row) => [row.rid, row]));
  return rids.flatMap((rid) => byRid.get(rid) ?? []);
};
