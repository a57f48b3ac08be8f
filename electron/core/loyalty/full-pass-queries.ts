import { loyaltySignalKind } from '../../../shared/loyalty/signals';
import { satisfactionWindow } from '../../../shared/loyalty/quadrant';
import { tiers, type MoneyCutoffs, type TierRules } from '../../../shared/loyalty/tiers';
import type { Db } from '../db/connection';
import { importedYearSql, scopeAll } from './queries';
import { answerStands, type LoyaltySignalSource, type SignalParameters } from './signal-source';

/**
 * The whole book's tiers and quadrants in set-based statements: the rules of shared/loyalty
 * (decideTier, satisfactionScore, loyaltyScore, quadrantOf) written once more in SQL, so a
 * hundred thousand rows are made and compared inside SQLite instead of crossing into JS one by
 * one. The per-customer update after a write keeps using the shared functions; the derive
 * property (test/unit/derive-property.test.ts) and test/unit/loyalty-full-pass.test.ts hold the
 * two to the same rows.
 */

// A chunk of the pass in steps: a range of ids is read from the indexes in one sweep, where a list seeks each id.
const scopeRange = (column: string): string => `${column} BETWEEN @first AND @last`;
const literal = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** Each customer's trailing-year spending, kept for the length of one pass (the cut-offs and the rows both read it). */
const spentTable = 'temp.loyalty_pass_spent';

const createSpent = `CREATE TEMP TABLE IF NOT EXISTS loyalty_pass_spent (customer_id TEXT PRIMARY KEY, revenue INTEGER NOT NULL, visits INTEGER NOT NULL) WITHOUT ROWID`;

// The covering index visits_customer_time: no visit row is read.
const fillSpentSql = `
  INSERT INTO ${spentTable} (customer_id, revenue, visits)
  SELECT customer_id, coalesce(sum(amount_minor), 0), count(*) FROM visits
  WHERE kind = 'visit' AND archived_at IS NULL AND customer_id IS NOT NULL AND occurred_at >= @since
  GROUP BY customer_id`;

// The trailing year's part of imported histories, added to what the visits summed (queries.ts importedYearSql).
const fillImportedSpentSql = `
  INSERT INTO ${spentTable} (customer_id, revenue, visits)
  SELECT customer_id, revenue, visits FROM (${importedYearSql(scopeAll)}) WHERE true
  ON CONFLICT (customer_id) DO UPDATE SET revenue = revenue + excluded.revenue, visits = visits + excluded.visits`;

// One chunk's trailing-year spending, read where its rows are made (the whole book's is summed once into spentTable).
const chunkSpentSql = `(
  SELECT customer_id, sum(revenue) AS revenue, sum(visits) AS visits FROM (
    SELECT customer_id, coalesce(sum(amount_minor), 0) AS revenue, count(*) AS visits FROM visits
    WHERE kind = 'visit' AND archived_at IS NULL AND customer_id IS NOT NULL AND ${scopeRange('customer_id')} AND occurred_at >= @since
    GROUP BY customer_id
    UNION ALL
    ${importedYearSql(scopeRange)}
  )
  GROUP BY customer_id)`;

/** Points of every source for the customers `scope` admits, one row per customer and signal, in the order the sources are listed. */
const signalRowsSql = (sources: readonly LoyaltySignalSource[], scope: (column: string) => string): string =>
  sources
    .map(
      (source, index) =>
        `SELECT ${index} AS ord, ${literal(source.name)} AS signal, ${loyaltySignalKind(source.name)?.axis === 'loyalty' ? 1 : 0} AS on_loyalty_axis,
           customer_id, points, facts FROM (${source.query(scope, true)})`,
    )
    .join('\n  UNION ALL ');

/**
 * One statement makes every row and writes only those that differ (besides computed_at):
 * - the money tier from the trailing year's revenue against the cut-offs (ties share a tier),
 *   lifted one step per @pointsPerLift points, at most @maxLift steps (shared/loyalty/tiers.ts);
 * - satisfaction: the mean of the latest @window answers still standing (quadrant.ts satisfactionScore);
 * - loyalty: 60% repeat visits (full at 6 a year), 40% loyalty-axis points (full at 3), halved
 *   while lost or lapsed, kept to three decimals; the quadrant is decided on the unrounded score;
 * - quadrant_since: kept while the quadrant stays, today when it changes (decided in the upsert,
 *   where the stored row is at hand: reading customer_loyalty in the SELECT would make SQLite copy
 *   every new row aside before inserting). Rows go in in key order.
 * Signals are listed as the per-customer pass lists them: source order, rows of 0 points left out.
 * `scope` and `spent` (where the trailing year's spending is read) make the same statement for the
 * whole book or for one chunk of the pass in steps.
 */
const rowsSql = (sources: readonly LoyaltySignalSource[], scope: (column: string) => string, spent: string) => `
  WITH signal_rows AS (
    ${signalRowsSql(sources, scope)}
  ),
  signals AS (
    SELECT customer_id, sum(points) AS points, coalesce(sum(points) FILTER (WHERE on_loyalty_axis = 1), 0) AS loyalty_points,
      json_group_array(json_object('signal', signal, 'points', points, 'facts', json(facts)) ORDER BY ord) AS signals_json
    FROM signal_rows WHERE points <> 0
    GROUP BY customer_id
  ),
  levels AS (
    SELECT customer_id, avg(level) AS satisfaction FROM (
      SELECT customer_id, level, row_number() OVER (PARTITION BY customer_id ORDER BY answered_at DESC) AS newest
      FROM satisfaction_answers s
      WHERE customer_id IS NOT NULL AND ${scope('customer_id')} AND ${answerStands('s', true)}
    ) WHERE newest <= @window
    GROUP BY customer_id
  ),
  inputs AS (
    SELECT c.id AS customer_id, coalesce(m.revenue, 0) AS revenue, coalesce(m.visits, 0) AS visits,
      coalesce(g.points, 0) AS points, coalesce(g.loyalty_points, 0) AS loyalty_points, coalesce(g.signals_json, '[]') AS signals_json,
      l.satisfaction,
      (c.lost_at IS NOT NULL OR (c.lapses_on IS NOT NULL AND c.lapses_on <= @today)) AS lapsed
    FROM customers c
    LEFT JOIN ${spent} m ON m.customer_id = c.id
    LEFT JOIN signals g ON g.customer_id = c.id
    LEFT JOIN levels l ON l.customer_id = c.id
    WHERE c.archived_at IS NULL AND ${scope('c.id')}
  ),
  money AS (
    SELECT *,
      CASE WHEN @hasCutoffs = 0 OR revenue <= 0 THEN 3 WHEN revenue >= @keyCutoff THEN 0 WHEN revenue >= @majorCutoff THEN 1 WHEN revenue >= @regularCutoff THEN 2 ELSE 3 END AS money_index,
      (0.6 * min(1.0, max(0, visits) / 6.0) + 0.4 * min(1.0, max(0, loyalty_points) / 3.0)) / (CASE WHEN lapsed THEN 2.0 ELSE 1.0 END) AS score
    FROM inputs
  ),
  decided AS (
    SELECT *,
      max(0, money_index - CASE WHEN @pointsPerLift > 0 THEN min(@maxLift, CAST(floor(max(0, points) * 1.0 / @pointsPerLift) AS INTEGER)) ELSE 0 END) AS tier_index,
      CASE WHEN satisfaction IS NULL THEN NULL
        WHEN satisfaction >= 1 THEN CASE WHEN score >= 0.5 THEN 'apostle' ELSE 'mercenary' END
        ELSE CASE WHEN score >= 0.5 THEN 'hostage' ELSE 'destroyer' END END AS quadrant
    FROM money
  )
  INSERT INTO customer_loyalty (customer_id, revenue_12m_minor, visits_12m, money_tier, points, tier, signals_json, satisfaction, loyalty, quadrant, quadrant_since, computed_at)
  SELECT d.customer_id, d.revenue, d.visits,
    ${tierName('d.money_index')}, d.points, ${tierName('d.tier_index')}, d.signals_json, d.satisfaction,
    floor(d.score * 1000 + 0.5) / 1000.0, d.quadrant, CASE WHEN d.quadrant IS NULL THEN NULL ELSE @today END,
    @computedAt
  FROM decided d
  ORDER BY d.customer_id
  ON CONFLICT (customer_id) DO UPDATE SET revenue_12m_minor = excluded.revenue_12m_minor, visits_12m = excluded.visits_12m,
    money_tier = excluded.money_tier, points = excluded.points, tier = excluded.tier, signals_json = excluded.signals_json,
    satisfaction = excluded.satisfaction, loyalty = excluded.loyalty, quadrant = excluded.quadrant,
    quadrant_since = ${keptSince}, computed_at = excluded.computed_at
  WHERE customer_loyalty.revenue_12m_minor IS NOT excluded.revenue_12m_minor OR customer_loyalty.visits_12m IS NOT excluded.visits_12m
    OR customer_loyalty.money_tier IS NOT excluded.money_tier OR customer_loyalty.points IS NOT excluded.points
    OR customer_loyalty.tier IS NOT excluded.tier OR customer_loyalty.signals_json IS NOT excluded.signals_json
    OR customer_loyalty.satisfaction IS NOT excluded.satisfaction OR customer_loyalty.loyalty IS NOT excluded.loyalty
    OR customer_loyalty.quadrant IS NOT excluded.quadrant OR customer_loyalty.quadrant_since IS NOT ${keptSince}`;

/** A stored row's quadrant_since when its quadrant is decided again (excluded: the new row). */
const keptSince = `CASE WHEN excluded.quadrant IS NULL THEN NULL WHEN customer_loyalty.quadrant IS excluded.quadrant THEN coalesce(customer_loyalty.quadrant_since, @today) ELSE @today END`;

/** The tier at a position of shared/loyalty/tiers.ts `tiers` (0: key … 3: small). */
const tierName = (index: string): string => `CASE ${index} ${tiers.map((tier, position) => `WHEN ${position} THEN ${literal(tier)}`).join(' ')} END`;

interface RowsParameters extends SignalParameters {
  window: number;
  hasCutoffs: 0 | 1;
  keyCutoff: number;
  majorCutoff: number;
  regularCutoff: number;
  pointsPerLift: number;
  maxLift: number;
  computedAt: string;
}

const prepareFullPass = (db: Db, sources: readonly LoyaltySignalSource[]) => {
  db.exec(createSpent);
  return {
    clearSpent: db.prepare<[]>(`DELETE FROM ${spentTable}`),
    fillSpent: db.prepare<{ since: string }>(fillSpentSql),
    fillImportedSpent: db.prepare<{ since: string }>(fillImportedSpentSql),
    // Archived customers are out of every count: their spending draws no cut-off and they are no spender.
    spentDescending: db
      .prepare<[], number>(
        `SELECT s.revenue FROM ${spentTable} s JOIN customers c ON c.id = s.customer_id WHERE s.revenue > 0 AND c.archived_at IS NULL ORDER BY s.revenue DESC`,
      )
      .pluck(),
    rows: db.prepare<RowsParameters>(rowsSql(sources, scopeAll, spentTable)),
    chunkRows: db.prepare<RowsParameters & { first: string; last: string }>(rowsSql(sources, scopeRange, chunkSpentSql)),
  };
};

const prepared = new WeakMap<Db, ReturnType<typeof prepareFullPass>>();

const statementsOf = (db: Db, sources: readonly LoyaltySignalSource[]): ReturnType<typeof prepareFullPass> => {
  let found = prepared.get(db);
  if (found === undefined) {
    found = prepareFullPass(db, sources);
    prepared.set(db, found);
  }
  return found;
};

const rowsParameters = (parameters: SignalParameters, cutoffs: MoneyCutoffs | null, rules: TierRules, computedAt: string): RowsParameters => ({
  ...parameters,
  window: satisfactionWindow,
  hasCutoffs: cutoffs === null ? 0 : 1,
  keyCutoff: cutoffs?.key ?? 0,
  majorCutoff: cutoffs?.major ?? 0,
  regularCutoff: cutoffs?.regular ?? 0,
  pointsPerLift: rules.pointsPerLift,
  maxLift: rules.maxLift,
  computedAt,
});

export interface FullLoyaltyPass {
  /** Every spending customer's trailing-year revenue, high to low: what the money cut-offs are drawn from. */
  spendingDescending(): number[];
  /** Makes every row against these cut-offs and rules; answers how many rows were written. */
  writeRows(cutoffs: MoneyCutoffs | null, rules: TierRules, computedAt: string): number;
}

/**
 * Starts a full pass: the trailing year's spending is summed once (from @since) and read by both
 * steps. Runs inside the caller's transaction; the spending is cleared again by the next pass.
 */
export const beginFullLoyaltyPass = (db: Db, sources: readonly LoyaltySignalSource[], parameters: SignalParameters): FullLoyaltyPass => {
  const statements = statementsOf(db, sources);
  statements.clearSpent.run();
  statements.fillSpent.run({ since: parameters.since });
  statements.fillImportedSpent.run({ since: parameters.since });
  return {
    spendingDescending: () => statements.spentDescending.all(),
    writeRows: (cutoffs, rules, computedAt) => {
      const changed = statements.rows.run(rowsParameters(parameters, cutoffs, rules, computedAt)).changes;
      statements.clearSpent.run();
      return changed;
    },
  };
};

/**
 * One chunk of the full pass made in steps (derive/steps.ts): the rows of the customers whose ids
 * lie in `range`, by the same statement as the whole book's, against the cut-offs its first step drew. One statement a chunk
 * instead of the per-customer update's nine reads and a write per row. No row is left to remove:
 * the first step removed those of archived customers, and a customer archived or merged away since
 * lost theirs in that write (its update, or the foreign key's cascade). Runs inside the caller's
 * transaction.
 */
export const writeChunkRows = (
  db: Db,
  sources: readonly LoyaltySignalSource[],
  parameters: SignalParameters,
  range: { first: string; last: string },
  cutoffs: MoneyCutoffs | null,
  rules: TierRules,
  computedAt: string,
): void => {
  statementsOf(db, sources).chunkRows.run({ ...rowsParameters(parameters, cutoffs, rules, computedAt), ...range });
};
