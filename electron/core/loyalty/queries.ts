import type { Db } from '../db/connection';
import { jsonList, statementsFor } from '../db/statements';
import { answerStands, type LoyaltySignalSource, type SignalParameters } from './signal-source';

export interface DbLoyaltyRow {
  customer_id: string;
  revenue_12m_minor: number;
  visits_12m: number;
  money_tier: string;
  points: number;
  tier: string;
  signals_json: string;
  satisfaction: number | null;
  loyalty: number;
  quadrant: string | null;
  quadrant_since: string | null;
  computed_at: string;
}

/** What the tier and quadrant of a customer are worked out from, besides their visits and answers. */
export interface DbLoyaltyCustomer {
  id: string;
  lapses_on: string | null;
  lost_at: string | null;
}

/** Scopes for statements written once for the whole book and once for some customers (@ids, a JSON list). */
export const scopeAll = (): string => '1';
export const scopeIds = (column: string): string => `${column} IN (SELECT value FROM json_each(@ids))`;

/**
 * The part of the histories brought from another tool (imported_histories) that falls between two
 * instants, per customer: a history knows only its totals and its first and last visit, so its
 * spending and visits are taken as spread evenly over that span, and the part of the span between
 * `from` and `to` counts (a history with one date is one day: all of it or none). `from` and `to`
 * are SQL expressions (parameters); `to` null for no end. Without it a shop that brought its past
 * from a POS started with every customer Small, their RFM at 0 visits and $0, and an 80/20 curve of
 * nobody (issue 17). Every statement that sums spending over time adds this one: the trailing
 * year's (importedYearSql) and the dashboard's ranges.
 */
export const importedPartSql = (scope: (column: string) => string, from: string, to: string | null): string => `
  SELECT customer_id, sum(CAST(round(revenue_minor * share) AS INTEGER)) AS revenue, sum(CAST(round(visit_count * share) AS INTEGER)) AS visits
  FROM (
    SELECT customer_id, revenue_minor, visit_count,
      CASE WHEN span_start = span_end THEN 1.0
        ELSE (julianday(${to === null ? 'span_end' : `min(span_end, ${to})`}) - julianday(max(span_start, ${from}))) / (julianday(span_end) - julianday(span_start)) END AS share
    FROM (
      SELECT customer_id, revenue_minor, visit_count, coalesce(first_visit_at, last_visit_at) AS span_start, coalesce(last_visit_at, first_visit_at) AS span_end
      FROM imported_histories WHERE ${scope('customer_id')}
    )
    WHERE span_end >= ${from}${to === null ? '' : ` AND span_start < ${to}`}
  )
  GROUP BY customer_id`;

/** The trailing year's part of imported histories, per customer: since @since, no end. */
export const importedYearSql = (scope: (column: string) => string): string => importedPartSql(scope, '@since', null);

// Trailing-year revenue and visit count per customer from logged visits, from the covering index
// visits_customer_time (in its order: no sort). revenue12m adds the imported histories' part; one
// statement with a UNION ALL and an outer GROUP BY cost a write 0.28 ms a customer instead of 0.02.
const revenueSql = (scope: (column: string) => string) => `
  SELECT customer_id, coalesce(sum(amount_minor), 0) AS revenue, count(*) AS visits FROM visits
  WHERE kind = 'visit' AND archived_at IS NULL AND customer_id IS NOT NULL AND ${scope('customer_id')} AND occurred_at >= @since
  GROUP BY customer_id`;

// The trailing year's spending of the customers still in the book from logged visits, per customer:
// with the imported histories' part (liveImportedSql) what the money cut-offs are drawn from. Two
// statements added up in JS, not one over a UNION ALL, which cost the day's pass half as much again.
const liveSpendingSql = `
  SELECT v.customer_id, sum(v.amount_minor) AS revenue FROM visits v JOIN customers c ON c.id = v.customer_id
  WHERE v.kind = 'visit' AND v.archived_at IS NULL AND v.occurred_at >= @since AND c.archived_at IS NULL
  GROUP BY v.customer_id`;

const liveImportedSql = `
  SELECT i.customer_id, i.revenue FROM (${importedYearSql(scopeAll)}) i JOIN customers c ON c.id = i.customer_id
  WHERE c.archived_at IS NULL`;

// The latest few satisfaction answers per customer, newest first, as one digit string ("3210").
// Answers of archived visits do not count.
const levelsSql = (scope: (column: string) => string, wholeBook: boolean) => `
  SELECT customer_id, group_concat(level, '') AS levels FROM (
    SELECT s.customer_id, s.level FROM (
      SELECT customer_id, level, visit_id, row_number() OVER (PARTITION BY customer_id ORDER BY answered_at DESC) AS newest
      FROM satisfaction_answers s
      WHERE customer_id IS NOT NULL AND ${scope('customer_id')}
        AND ${answerStands('s', wholeBook)}
    ) s WHERE s.newest <= @window ORDER BY s.customer_id, s.newest
  ) GROUP BY customer_id`;

const customerSql = (scope: (column: string) => string) => `SELECT id, lapses_on, lost_at FROM customers WHERE archived_at IS NULL AND ${scope('id')}`;

const statements = statementsFor((db) => ({
  liveSpending: db.prepare<{ since: string }, { customer_id: string; revenue: number | null }>(liveSpendingSql),
  liveImported: db.prepare<{ since: string }, { customer_id: string; revenue: number }>(liveImportedSql),
  revenueAll: db.prepare<{ since: string }, { customer_id: string; revenue: number; visits: number }>(revenueSql(scopeAll)),
  revenueOf: db.prepare<{ since: string; ids: string }, { customer_id: string; revenue: number; visits: number }>(revenueSql(scopeIds)),
  importedAll: db.prepare<{ since: string }, { customer_id: string; revenue: number; visits: number }>(importedYearSql(scopeAll)),
  importedOf: db.prepare<{ since: string; ids: string }, { customer_id: string; revenue: number; visits: number }>(importedYearSql(scopeIds)),
  levelsAll: db.prepare<{ window: number }, { customer_id: string; levels: string }>(levelsSql(scopeAll, true)),
  levelsOf: db.prepare<{ window: number; ids: string }, { customer_id: string; levels: string }>(levelsSql(scopeIds, false)),
  customersAll: db.prepare<[], DbLoyaltyCustomer>(customerSql(scopeAll)),
  customersOf: db.prepare<{ ids: string }, DbLoyaltyCustomer>(customerSql(scopeIds)),
  rowsAll: db.prepare<[], DbLoyaltyRow>('SELECT * FROM customer_loyalty'),
  rowOf: db.prepare<[string], DbLoyaltyRow>('SELECT * FROM customer_loyalty WHERE customer_id = ?'),
  rowsOf: db.prepare<{ ids: string }, DbLoyaltyRow>(`SELECT * FROM customer_loyalty WHERE ${scopeIds('customer_id')}`),
  upsert: db.prepare<DbLoyaltyRow>(`
    INSERT INTO customer_loyalty (customer_id, revenue_12m_minor, visits_12m, money_tier, points, tier, signals_json, satisfaction, loyalty, quadrant, quadrant_since, computed_at)
    VALUES (@customer_id, @revenue_12m_minor, @visits_12m, @money_tier, @points, @tier, @signals_json, @satisfaction, @loyalty, @quadrant, @quadrant_since, @computed_at)
    ON CONFLICT (customer_id) DO UPDATE SET revenue_12m_minor = excluded.revenue_12m_minor, visits_12m = excluded.visits_12m,
      money_tier = excluded.money_tier, points = excluded.points, tier = excluded.tier, signals_json = excluded.signals_json,
      satisfaction = excluded.satisfaction, loyalty = excluded.loyalty, quadrant = excluded.quadrant,
      quadrant_since = excluded.quadrant_since, computed_at = excluded.computed_at`),
  // A row that is there already is changed column group by column group: SQLite deletes and
  // reinserts an index's entry whenever its column is assigned, even to the value it had, and each
  // such entry is a page read and a page written at the commit. A visit changes the spending and
  // the scores; the tier seldom.
  updateUnindexed: db.prepare<DbLoyaltyRow>(`
    UPDATE customer_loyalty SET visits_12m = @visits_12m, money_tier = @money_tier, points = @points, signals_json = @signals_json,
      quadrant_since = @quadrant_since, computed_at = @computed_at
    WHERE customer_id = @customer_id`),
  updateRevenue: db.prepare<DbLoyaltyRow>('UPDATE customer_loyalty SET revenue_12m_minor = @revenue_12m_minor WHERE customer_id = @customer_id'),
  updateTier: db.prepare<DbLoyaltyRow>('UPDATE customer_loyalty SET tier = @tier WHERE customer_id = @customer_id'),
  updateQuadrant: db.prepare<DbLoyaltyRow>(
    'UPDATE customer_loyalty SET quadrant = @quadrant, satisfaction = @satisfaction, loyalty = @loyalty WHERE customer_id = @customer_id',
  ),
  remove: db.prepare<[string]>('DELETE FROM customer_loyalty WHERE customer_id = ?'),
  // Archived customers keep no tier: they are out of every count and segment.
  removeArchived: db.prepare<[]>('DELETE FROM customer_loyalty WHERE customer_id IN (SELECT id FROM customers WHERE archived_at IS NOT NULL)'),
  clearMonth: db.prepare<[string]>('DELETE FROM loyalty_tier_history WHERE month = ?'),
  putMonth: db.prepare<[string, string, number]>(
    'INSERT INTO loyalty_tier_history (month, tier, customers) VALUES (?, ?, ?) ON CONFLICT (month, tier) DO UPDATE SET customers = excluded.customers',
  ),
  // Counts by tier from customer_loyalty_tier alone.
  recordMonth: db.prepare<[string]>('INSERT INTO loyalty_tier_history (month, tier, customers) SELECT ?, tier, count(*) FROM customer_loyalty GROUP BY tier'),
}));

export interface Revenue12m {
  revenue: number;
  visits: number;
}

/** What the money cut-offs are drawn from: the trailing year's spending of the customers not archived, biggest first. */
export const liveSpendingDescending = (db: Db, since: string): number[] => {
  const run = statements(db);
  const spent = new Map(run.liveSpending.all({ since }).map((row) => [row.customer_id, row.revenue ?? 0]));
  for (const row of run.liveImported.all({ since })) spent.set(row.customer_id, (spent.get(row.customer_id) ?? 0) + row.revenue);
  return [...spent.values()].filter((revenue) => revenue > 0).sort((a, b) => b - a);
};

/** Each customer's trailing-year spending and visits: logged visits plus the trailing year's part of imported histories. */
export const revenue12m = (db: Db, since: string, ids: readonly string[] | null): Map<string, Revenue12m> => {
  const run = statements(db);
  const rows = ids === null ? run.revenueAll.all({ since }) : run.revenueOf.all({ since, ids: jsonList(ids) });
  const spent = new Map(rows.map((row) => [row.customer_id, { revenue: row.revenue, visits: row.visits }]));
  const imported = ids === null ? run.importedAll.all({ since }) : run.importedOf.all({ since, ids: jsonList(ids) });
  for (const row of imported) {
    const logged = spent.get(row.customer_id);
    spent.set(row.customer_id, { revenue: (logged?.revenue ?? 0) + row.revenue, visits: (logged?.visits ?? 0) + row.visits });
  }
  return spent;
};

/** Each customer's latest answers, newest first. */
export const latestLevels = (db: Db, window: number, ids: readonly string[] | null): Map<string, number[]> => {
  const rows = ids === null ? statements(db).levelsAll.all({ window }) : statements(db).levelsOf.all({ window, ids: jsonList(ids) });
  return new Map(rows.map((row) => [row.customer_id, [...row.levels].map(Number)]));
};

export const loyaltyCustomers = (db: Db, ids: readonly string[] | null): DbLoyaltyCustomer[] =>
  ids === null ? statements(db).customersAll.all() : statements(db).customersOf.all({ ids: jsonList(ids) });

export const loyaltyRows = (db: Db, ids: readonly string[] | null): Map<string, DbLoyaltyRow> => {
  const rows = ids === null ? statements(db).rowsAll.all() : statements(db).rowsOf.all({ ids: jsonList(ids) });
  return new Map(rows.map((row) => [row.customer_id, row]));
};

export const loyaltyRowOf = (db: Db, customerId: string): DbLoyaltyRow | null => statements(db).rowOf.get(customerId) ?? null;

/** Writes a customer's row; given the row as it stands, only the indexes whose columns changed are touched. */
export const writeLoyaltyRow = (db: Db, row: DbLoyaltyRow, stored?: DbLoyaltyRow): void => {
  const run = statements(db);
  if (stored === undefined) {
    run.upsert.run(row);
    return;
  }
  run.updateUnindexed.run(row);
  if (row.revenue_12m_minor !== stored.revenue_12m_minor) run.updateRevenue.run(row);
  if (row.tier !== stored.tier) run.updateTier.run(row);
  if (row.quadrant !== stored.quadrant || row.satisfaction !== stored.satisfaction || row.loyalty !== stored.loyalty) run.updateQuadrant.run(row);
};

export const removeLoyaltyRow = (db: Db, customerId: string): void => {
  statements(db).remove.run(customerId);
};

export const removeArchivedLoyalty = (db: Db): void => {
  statements(db).removeArchived.run();
};

/** One tier's count for a past month, as the monthly pass would have recorded it (the seed's history). */
export const putTierHistoryMonth = (db: Db, month: string, tier: string, customers: number): void => {
  statements(db).putMonth.run(month, tier, customers);
};

export const recordTierMonth = (db: Db, month: string): void => {
  statements(db).clearMonth.run(month);
  statements(db).recordMonth.run(month);
};

/** Each signal's statements, prepared once per connection: the whole book, and a list of customers. */
const signalStatements = new WeakMap<Db, Map<string, { all: ReturnType<Db['prepare']>; some: ReturnType<Db['prepare']> }>>();

export interface DbSignalRow {
  customer_id: string;
  points: number;
  facts: string;
}

export const signalRows = (db: Db, source: LoyaltySignalSource, parameters: SignalParameters, ids: readonly string[] | null): DbSignalRow[] => {
  let byName = signalStatements.get(db);
  if (byName === undefined) {
    byName = new Map();
    signalStatements.set(db, byName);
  }
  let prepared = byName.get(source.name);
  if (prepared === undefined) {
    prepared = { all: db.prepare(source.query(scopeAll, true)), some: db.prepare(source.query(scopeIds, false)) };
    byName.set(source.name, prepared);
  }
  const rows = ids === null ? prepared.all.all(parameters) : prepared.some.all({ ...parameters, ids: jsonList(ids) });
  return rows as DbSignalRow[];
};

const rankStatements = statementsFor((db) => ({
  // customer_loyalty_revenue: how many spent more, counted in the index. The index's own condition
  // is repeated: from "> ?" alone the planner cannot tell the partial index holds every row it
  // wants, and read all of customer_loyalty instead (13-15 ms on the full book, against about 1).
  above: db.prepare<[number], number>('SELECT count(*) FROM customer_loyalty WHERE revenue_12m_minor > ? AND revenue_12m_minor > 0').pluck(),
}));

/** 1 for the biggest spender of the trailing year; null for someone who spent nothing in it. */
export const spendRank = (db: Db, revenueMinor: number): number | null =>
  revenueMinor > 0 ? (rankStatements(db).above.get(revenueMinor) ?? 0) + 1 : null;
