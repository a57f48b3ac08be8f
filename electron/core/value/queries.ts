import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/connection';
import { jsonList, statementsFor, valuesOfRows } from '../db/statements';

import type { OffsetStretch } from './local-days';

/** A customer's logged visits on the shop's calendar: distinct days with a visit, the first and last, and the total spent. */
export interface DbVisitDays {
  customer_id: string;
  days: number;
  first_day: number;
  last_day: number;
  revenue_minor: number;
}

/** A customer's history brought from another tool, summed over the imports that brought it. */
export interface DbImportedSummary {
  customer_id: string;
  visit_count: number;
  revenue_minor: number;
  first_at: string | null;
  last_at: string | null;
}

/** The customers in play, with the visit count the fit's snapshot is checked against before writing. */
export interface DbValueCustomer {
  id: string;
  visit_count: number;
}

export interface DbValueFit {
  id: string;
  fitted_at: string;
  basis: 'model' | 'simple';
  simple_because: 'few_repeat_customers' | 'fit_failed' | null;
  customers: number;
  repeat_customers: number;
  fitted_on: number;
  parameters_json: string;
  log_likelihood: number | null;
  horizon_years: number;
  annual_discount_rate: number;
  duration_ms: number;
}

export interface DbValuePrediction {
  customer_id: string;
  value_probability_alive: number | null;
  value_expected_visits: number | null;
  value_spend_per_visit_minor: number | null;
  value_lifetime_minor: number | null;
}

const scopeAll = (): string => '1';
const scopeIds = (column: string): string => `${column} IN (SELECT value FROM json_each(@ids))`;
// A chunk of the derived pass in steps: a range of ids is read from the indexes in one sweep, where a list seeks each id.
const scopeRange = (column: string): string => `${column} BETWEEN @first AND @last`;

/** Whose figures are read: these customers, those whose ids lie in a range (a chunk of the pass in steps), or (null) everyone. */
export type ValueScope = readonly string[] | { first: string; last: string } | null;

type ScopeKey = 'all' | 'some' | 'range';

const scopeOf = (scope: ValueScope): { key: ScopeKey; sql: (column: string) => string; parameters: Record<string, string> } => {
  if (scope === null) return { key: 'all', sql: scopeAll, parameters: {} };
  if ('first' in scope) return { key: 'range', sql: scopeRange, parameters: { first: scope.first, last: scope.last } };
  return { key: 'some', sql: scopeIds, parameters: { ids: jsonList(scope) } };
};

/**
 * Each visit's shop-local day as a number, by arithmetic on its UTC time: days since 1970-01-01
 * plus the zone's offset in force then (a CASE over the stretches between daylight-saving
 * switches), and a hair (well under a millisecond) so a visit at exactly local midnight is not
 * rounded into the day before. Read from the covering index visits_customer_time alone (migration 014).
 */
const visitDaysSql = (stretches: number, scope: (column: string) => string) => {
  const offset =
    stretches === 1 ? '@o0' : `CASE ${Array.from({ length: stretches - 1 }, (_, index) => `WHEN occurred_at < @u${index} THEN @o${index}`).join(' ')} ELSE @o${stretches - 1} END`;
  return `
  SELECT customer_id, count(DISTINCT day) AS days, min(day) AS first_day, max(day) AS last_day, sum(amount_minor) AS revenue_minor FROM (
    SELECT customer_id, amount_minor, CAST(julianday(occurred_at) - 2440587.5 + ${offset} + 5e-9 AS INTEGER) AS day
    FROM visits WHERE kind = 'visit' AND archived_at IS NULL AND customer_id IS NOT NULL AND ${scope('customer_id')}
  ) GROUP BY customer_id`;
};

// Two seeks in visits_time (min and max in one SELECT would scan the whole index).
const visitSpanSql = `SELECT (SELECT min(occurred_at) FROM visits WHERE kind = 'visit' AND archived_at IS NULL) AS first_at,
  (SELECT max(occurred_at) FROM visits WHERE kind = 'visit' AND archived_at IS NULL) AS last_at`;

const importedSql = (scope: (column: string) => string) => `
  SELECT customer_id, sum(visit_count) AS visit_count, sum(revenue_minor) AS revenue_minor,
    min(coalesce(first_visit_at, last_visit_at)) AS first_at, max(coalesce(last_visit_at, first_visit_at)) AS last_at
  FROM imported_histories WHERE ${scope('customer_id')} GROUP BY customer_id`;

const customersSql = (scope: (column: string) => string) => `SELECT id, visit_count FROM customers WHERE archived_at IS NULL AND ${scope('id')} ORDER BY id`;

const statements = statementsFor((db) => ({
  visitSpan: db.prepare<[], { first_at: string | null; last_at: string | null }>(visitSpanSql),
  imported: {
    all: db.prepare<Record<string, string>, DbImportedSummary>(importedSql(scopeAll)),
    some: db.prepare<Record<string, string>, DbImportedSummary>(importedSql(scopeIds)),
    range: db.prepare<Record<string, string>, DbImportedSummary>(importedSql(scopeRange)),
  },
  customers: {
    all: db.prepare<Record<string, string>, DbValueCustomer>(customersSql(scopeAll)),
    some: db.prepare<Record<string, string>, DbValueCustomer>(customersSql(scopeIds)),
    range: db.prepare<Record<string, string>, DbValueCustomer>(customersSql(scopeRange)),
  },
  latestFit: db.prepare<[], DbValueFit>('SELECT * FROM value_model_fits ORDER BY fitted_at DESC, id DESC LIMIT 1'),
  insertFit: db.prepare<DbValueFit>(`
    INSERT INTO value_model_fits (id, fitted_at, basis, simple_because, customers, repeat_customers, fitted_on, parameters_json, log_likelihood, horizon_years, annual_discount_rate, duration_ms)
    VALUES (@id, @fitted_at, @basis, @simple_because, @customers, @repeat_customers, @fitted_on, @parameters_json, @log_likelihood, @horizon_years, @annual_discount_rate, @duration_ms)`),
  // Many customers in one statement, as JSON rows [id, alive, visits, spend, lifetime, visit count].
  // The fit read the book a few seconds before it writes: a customer whose visit count moved
  // meanwhile was already brought up to date by that write, and keeps it.
  writeSnapshotPredictions: db.prepare<[string]>(`
    UPDATE customer_loyalty SET value_probability_alive = p.alive, value_expected_visits = p.visits,
      value_spend_per_visit_minor = p.spend, value_lifetime_minor = p.lifetime
    FROM (
      SELECT value ->> 0 AS id, value ->> 1 AS alive, value ->> 2 AS visits, value ->> 3 AS spend, value ->> 4 AS lifetime, value ->> 5 AS visit_count FROM json_each(?)
    ) AS p JOIN customers c ON c.id = p.id AND c.visit_count = p.visit_count
    WHERE customer_loyalty.customer_id = p.id`),
}));

/** The first and last logged visit of the book, the stretch of time its calendar must cover. */
export const visitSpan = (db: Db): { first_at: string | null; last_at: string | null } => statements(db).visitSpan.get() ?? { first_at: null, last_at: null };

/** Prepared per number of offset stretches (a zone has one, or a few per year of history) and scope. */
const visitDaysStatements = new WeakMap<Db, Map<string, ReturnType<Db['prepare']>>>();

export const visitDays = (db: Db, stretches: readonly OffsetStretch[], scope: ValueScope): DbVisitDays[] => {
  let byKey = visitDaysStatements.get(db);
  if (byKey === undefined) {
    byKey = new Map();
    visitDaysStatements.set(db, byKey);
  }
  const scoped = scopeOf(scope);
  const key = `${stretches.length}|${scoped.key}`;
  let statement = byKey.get(key);
  if (statement === undefined) {
    statement = db.prepare(visitDaysSql(stretches.length, scoped.sql));
    byKey.set(key, statement);
  }
  const parameters: Record<string, string | number> = { ...scoped.parameters };
  stretches.forEach((stretch, index) => {
    parameters[`o${index}`] = stretch.offsetDays;
    if (stretch.until !== null) parameters[`u${index}`] = stretch.until;
  });
  return statement.all(parameters) as DbVisitDays[];
};

export const importedSummaries = (db: Db, scope: ValueScope): DbImportedSummary[] => {
  const scoped = scopeOf(scope);
  return statements(db).imported[scoped.key].all(scoped.parameters);
};

export const valueCustomers = (db: Db, scope: ValueScope): DbValueCustomer[] => {
  const scoped = scopeOf(scope);
  return statements(db).customers[scoped.key].all(scoped.parameters);
};

export const latestValueFit = (db: Db): DbValueFit | null => statements(db).latestFit.get() ?? null;

export const insertValueFit = (db: Db, fit: DbValueFit): void => {
  statements(db).insertFit.run(fit);
};

/** At most this many predictions bound to one statement (five values each; SQLite allows 32,766). */
const predictionsPerStatement = 250;

/**
 * Many predictions in one statement, bound as values (exact, where JSON would round-trip the
 * doubles through SQLite's parser), and only the rows whose figures differ written: a chunk of the
 * full pass wrote its thousand rows one statement each, changed or not.
 */
const predictionsSql = (rows: number) => `
  WITH p (id, alive, visits, spend, lifetime) AS (VALUES ${valuesOfRows(5, rows)})
  UPDATE customer_loyalty SET value_probability_alive = p.alive, value_expected_visits = p.visits,
    value_spend_per_visit_minor = p.spend, value_lifetime_minor = p.lifetime
  FROM p
  WHERE customer_loyalty.customer_id = p.id AND (customer_loyalty.value_probability_alive IS NOT p.alive
    OR customer_loyalty.value_expected_visits IS NOT p.visits OR customer_loyalty.value_spend_per_visit_minor IS NOT p.spend
    OR customer_loyalty.value_lifetime_minor IS NOT p.lifetime)`;

/** Prepared per number of rows: full batches of a chunk, and its remainder (a write's one or two customers). */
const predictionStatements = new WeakMap<Db, Map<number, Statement<unknown[]>>>();

const predictionStatement = (db: Db, rows: number): Statement<unknown[]> => {
  let byRows = predictionStatements.get(db);
  if (byRows === undefined) {
    byRows = new Map();
    predictionStatements.set(db, byRows);
  }
  let statement = byRows.get(rows);
  if (statement === undefined) {
    statement = db.prepare<unknown[]>(predictionsSql(rows));
    byRows.set(rows, statement);
  }
  return statement;
};

export const writeValuePredictions = (db: Db, predictions: readonly DbValuePrediction[]): void => {
  for (let start = 0; start < predictions.length; start += predictionsPerStatement) {
    const batch = predictions.slice(start, start + predictionsPerStatement);
    predictionStatement(db, batch.length).run(
      batch.flatMap((p) => [p.customer_id, p.value_probability_alive, p.value_expected_visits, p.value_spend_per_visit_minor, p.value_lifetime_minor]),
    );
  }
};

const snapshotChunk = 5_000;

/** Every customer's predictions from the fit's snapshot, a few thousand to a statement. */
export const writeSnapshotPredictions = (db: Db, predictions: readonly { prediction: DbValuePrediction; visitCount: number }[]): void => {
  for (let start = 0; start < predictions.length; start += snapshotChunk) {
    const rows = predictions.slice(start, start + snapshotChunk).map(({ prediction, visitCount }) => [
      prediction.customer_id,
      prediction.value_probability_alive,
      prediction.value_expected_visits,
      prediction.value_spend_per_visit_minor,
      prediction.value_lifetime_minor,
      visitCount,
    ]);
    statements(db).writeSnapshotPredictions.run(JSON.stringify(rows));
  }
};
