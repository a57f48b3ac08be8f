import type { Db } from '../db/connection';
import { jsonList, statementsFor } from '../db/statements';

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
  importedAll: db.prepare<[], DbImportedSummary>(importedSql(scopeAll)),
  importedOf: db.prepare<{ ids: string }, DbImportedSummary>(importedSql(scopeIds)),
  customersAll: db.prepare<[], DbValueCustomer>(customersSql(scopeAll)),
  customersOf: db.prepare<{ ids: string }, DbValueCustomer>(customersSql(scopeIds)),
  latestFit: db.prepare<[], DbValueFit>('SELECT * FROM value_model_fits ORDER BY fitted_at DESC, id DESC LIMIT 1'),
  insertFit: db.prepare<DbValueFit>(`
    INSERT INTO value_model_fits (id, fitted_at, basis, simple_because, customers, repeat_customers, fitted_on, parameters_json, log_likelihood, horizon_years, annual_discount_rate, duration_ms)
    VALUES (@id, @fitted_at, @basis, @simple_because, @customers, @repeat_customers, @fitted_on, @parameters_json, @log_likelihood, @horizon_years, @annual_discount_rate, @duration_ms)`),
  writePrediction: db.prepare<DbValuePrediction>(`
    UPDATE customer_loyalty SET value_probability_alive = @value_probability_alive, value_expected_visits = @value_expected_visits,
      value_spend_per_visit_minor = @value_spend_per_visit_minor, value_lifetime_minor = @value_lifetime_minor
    WHERE customer_id = @customer_id`),
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

export const visitDays = (db: Db, stretches: readonly OffsetStretch[], ids: readonly string[] | null): DbVisitDays[] => {
  let byKey = visitDaysStatements.get(db);
  if (byKey === undefined) {
    byKey = new Map();
    visitDaysStatements.set(db, byKey);
  }
  const key = `${stretches.length}|${ids === null ? 'all' : 'some'}`;
  let statement = byKey.get(key);
  if (statement === undefined) {
    statement = db.prepare(visitDaysSql(stretches.length, ids === null ? scopeAll : scopeIds));
    byKey.set(key, statement);
  }
  const parameters: Record<string, string | number> = {};
  stretches.forEach((stretch, index) => {
    parameters[`o${index}`] = stretch.offsetDays;
    if (stretch.until !== null) parameters[`u${index}`] = stretch.until;
  });
  if (ids !== null) parameters.ids = jsonList(ids);
  return statement.all(parameters) as DbVisitDays[];
};

export const importedSummaries = (db: Db, ids: readonly string[] | null): DbImportedSummary[] =>
  ids === null ? statements(db).importedAll.all() : statements(db).importedOf.all({ ids: jsonList(ids) });

export const valueCustomers = (db: Db, ids: readonly string[] | null): DbValueCustomer[] =>
  ids === null ? statements(db).customersAll.all() : statements(db).customersOf.all({ ids: jsonList(ids) });

export const latestValueFit = (db: Db): DbValueFit | null => statements(db).latestFit.get() ?? null;

export const insertValueFit = (db: Db, fit: DbValueFit): void => {
  statements(db).insertFit.run(fit);
};

export const writeValuePrediction = (db: Db, prediction: DbValuePrediction): void => {
  statements(db).writePrediction.run(prediction);
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
