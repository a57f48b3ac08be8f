import type { Migration } from './types';

export const migration015: Migration = {
  version: 15,
  name: 'value model: fitted parameters and each customer’s predictions',
  up: (db) => {
    db.exec(`
      -- Each fit of the value models (BG/NBD visits, Gamma-Gamma spend) to the book's history, made in
      -- the job worker daily and after imports and restores (electron/core/value/). The newest row is
      -- the one in force; older rows show how the shop's figures moved. basis 'simple' means the book
      -- had too little history for the models and the shop's averages stood in (simple_because says why).
      CREATE TABLE value_model_fits (
        id TEXT PRIMARY KEY,
        fitted_at TEXT NOT NULL,
        basis TEXT NOT NULL CHECK (basis IN ('model', 'simple')),
        simple_because TEXT CHECK (simple_because IN ('few_repeat_customers', 'fit_failed')),
        customers INTEGER NOT NULL CHECK (customers >= 0),
        repeat_customers INTEGER NOT NULL CHECK (repeat_customers >= 0),
        fitted_on INTEGER NOT NULL CHECK (fitted_on >= 0),
        -- {"bgNbd":{"r","alpha","a","b"},"gammaGamma":{"p","q","gamma"}} (time in days, money in minor
        -- units) or {"visitsPerDay","spendPerVisitMinor"} for the simple estimate.
        parameters_json TEXT NOT NULL,
        log_likelihood REAL,
        horizon_years REAL NOT NULL CHECK (horizon_years > 0),
        annual_discount_rate REAL NOT NULL CHECK (annual_discount_rate >= 0),
        duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
        CHECK ((basis = 'simple') = (simple_because IS NOT NULL))
      ) STRICT;
      CREATE INDEX value_model_fits_fitted_at ON value_model_fits (fitted_at);

      -- Each customer's predictions under the fit in force, beside their tier and quadrant: kept by
      -- the fit (everyone) and by each write about the customer (them alone). NULL until the first fit;
      -- value_probability_alive also NULL where it cannot be told (one visit day, or the simple estimate).
      ALTER TABLE customer_loyalty ADD COLUMN value_probability_alive REAL CHECK (value_probability_alive BETWEEN 0 AND 1);
      ALTER TABLE customer_loyalty ADD COLUMN value_expected_visits REAL CHECK (value_expected_visits >= 0);
      ALTER TABLE customer_loyalty ADD COLUMN value_spend_per_visit_minor INTEGER CHECK (value_spend_per_visit_minor >= 0);
      ALTER TABLE customer_loyalty ADD COLUMN value_lifetime_minor INTEGER CHECK (value_lifetime_minor >= 0);
    `);
  },
};
