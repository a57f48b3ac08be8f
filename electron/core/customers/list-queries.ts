import type { CustomerSort } from '../../../shared/contract/customers';
import type { LapseState } from '../../../shared/contract/loyalty';
import type { Tier } from '../../../shared/loyalty/tiers';
import type { Db } from '../db/connection';
import type { Statement } from 'better-sqlite3';
import { statementsFor } from '../db/statements';
import type { DbCustomerListRow } from './rows';
import { rowsInOrder } from './search-queries';

export interface ListFilter {
  includeArchived: boolean;
  /** A tag's folded key ('' for any tag). */
  tagKey: string;
  lapse: LapseState | null;
  tier: Tier | null;
  /** The shop-local day a lapse is judged on. */
  today: string;
}

/** Each order ends on rid so that pages never overlap; customers who never visited sort last. */
const orders: Record<CustomerSort, string> = {
  recent: 'c.last_seen_at DESC, c.rid DESC',
  name: 'c.name COLLATE NOCASE, c.rid',
  created: 'c.rid DESC',
  lastVisit: 'c.last_visit_at DESC, c.rid DESC',
  visits: 'c.visit_count DESC, c.rid DESC',
  spend: 'c.revenue_minor DESC, c.rid DESC',
};

/** The same lapse states the loyalty segments use (loyalty/segment-queries.ts). */
const lapseConditions: Record<LapseState, string> = {
  lost: 'c.lost_at IS NOT NULL',
  // Written as the partial index customers_lapses_on is, so that counting them reads that index.
  lapsed: 'c.lapses_on IS NOT NULL AND c.lost_at IS NULL AND c.lapses_on <= @today',
  active: 'c.lost_at IS NULL AND (c.lapses_on IS NULL OR c.lapses_on > @today)',
};

/**
 * The WHERE clause and parameters of one filter. Each filter is written into the statement only
 * when it is set, so the planner sees plain conditions and can use the partial indexes (a
 * "@tag = '' OR …" would hide them); statements are cached per shape, a few dozen at most.
 */
const whereOf = (filter: ListFilter): { sql: string; params: Record<string, string> } => {
  const conditions: string[] = [];
  const params: Record<string, string> = {};
  if (!filter.includeArchived) conditions.push('c.archived_at IS NULL');
  if (filter.tagKey !== '') {
    conditions.push("c.id IN (SELECT t.customer_id FROM customer_tags t WHERE t.kind = 'tag' AND t.value_key = @tag)");
    params.tag = filter.tagKey;
  }
  if (filter.lapse !== null) {
    conditions.push(lapseConditions[filter.lapse]);
    params.today = filter.today;
  }
  if (filter.tier !== null) {
    conditions.push('c.id IN (SELECT l.customer_id FROM customer_loyalty l WHERE l.tier = @tier)');
    params.tier = filter.tier;
  }
  return { sql: conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`, params };
};

const statementsBySql = statementsFor(() => new Map<string, Statement>());

const prepared = (db: Db, sql: string): Statement => {
  const statements = statementsBySql(db);
  let statement = statements.get(sql);
  if (statement === undefined) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
};

/**
 * The book's write stamp: total_changes() moves with every write on this connection, data_version
 * with every write committed by another (the jobs worker's imports and recomputes).
 */
const bookStamp = (db: Db): string => {
  const changes = prepared(db, 'SELECT total_changes()').pluck().get() as number;
  const version = prepared(db, 'PRAGMA data_version').pluck().get() as number;
  return `${changes}:${version}`;
};

/** The counts of listings on the book as it was at `stamp`; any write starts them afresh. */
const countsByListing = statementsFor(() => ({ stamp: '', counts: new Map<string, number>() }));

/**
 * How many customers a listing holds. Scrolling asks for page after page of one listing and each
 * answer carries the total: counting 100,000 rows again for every page would cost more than the
 * page, so a count stands until the book changes.
 */
export const countListed = (db: Db, filter: ListFilter): number => {
  const where = whereOf(filter);
  const sql = `SELECT count(*) FROM customers c ${where.sql}`;
  const key = `${sql}\u0000${JSON.stringify(where.params)}`;
  const stamp = bookStamp(db);
  const kept = countsByListing(db);
  if (kept.stamp !== stamp) {
    kept.stamp = stamp;
    kept.counts.clear();
  }
  const known = kept.counts.get(key);
  if (known !== undefined) return known;
  const count = prepared(db, sql).pluck().get(where.params) as number;
  kept.counts.set(key, count);
  return count;
};

/**
 * One page of the list: first the rids of the page from an index (OFFSET over 90,000 rows costs
 * milliseconds there), then those rows.
 */
export const pageListed = (db: Db, filter: ListFilter, sort: CustomerSort, limit: number, offset: number): DbCustomerListRow[] => {
  const where = whereOf(filter);
  const rids = prepared(db, `SELECT c.rid FROM customers c ${where.sql} ORDER BY ${orders[sort]} LIMIT @limit OFFSET @offset`)
    .pluck()
    .all({ ...where.params, limit, offset }) as number[];
  return rowsInOrder(db, rids);
};
