import type { Migration } from './types';

const tierList = "'key', 'major', 'regular', 'small'";
const quadrantList = "'apostle', 'mercenary', 'hostage', 'destroyer'";

export const migration009: Migration = {
  version: 9,
  name: 'loyalty: tiers, satisfaction × loyalty quadrants, tier history',
  up: (db) => {
    db.exec(`
      -- Each customer's tier and quadrant, derived from their visits, satisfaction answers and
      -- loyalty signals under the shop's tier rules (electron/core/loyalty/derive.ts): kept current
      -- on every visit or answer and by a set-based full pass (at start, at the shop's new day, after
      -- imports, restores and rule changes). A missing row reads as Small with no quadrant.
      CREATE TABLE customer_loyalty (
        customer_id TEXT PRIMARY KEY REFERENCES customers (id) ON DELETE CASCADE,
        revenue_12m_minor INTEGER NOT NULL,
        visits_12m INTEGER NOT NULL,
        money_tier TEXT NOT NULL CHECK (money_tier IN (${tierList})),
        points INTEGER NOT NULL,
        tier TEXT NOT NULL CHECK (tier IN (${tierList})),
        signals_json TEXT NOT NULL DEFAULT '[]',
        satisfaction REAL CHECK (satisfaction IS NULL OR satisfaction BETWEEN 0 AND 3),
        loyalty REAL NOT NULL CHECK (loyalty BETWEEN 0 AND 1),
        quadrant TEXT CHECK (quadrant IN (${quadrantList})),
        -- The shop-local day the customer entered their current quadrant: a Destroyer's green
        -- channel reminder is one per stay in that quadrant.
        quadrant_since TEXT,
        computed_at TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      -- Segments and the tier chart count and list by tier or quadrant from these alone.
      CREATE INDEX customer_loyalty_tier ON customer_loyalty (tier);
      -- A customer's rank by trailing-year spend (profile) and the spenders in order (Pareto) read this.
      CREATE INDEX customer_loyalty_revenue ON customer_loyalty (revenue_12m_minor) WHERE revenue_12m_minor > 0;
      CREATE INDEX customer_loyalty_quadrant ON customer_loyalty (quadrant, satisfaction, loyalty) WHERE quadrant IS NOT NULL;

      -- Trailing-12-month revenue per customer (one customer on each visit, everyone in the full
      -- pass) reads this index alone: amount_minor is in it, so no visit row is touched.
      CREATE INDEX visits_customer_amount ON visits (customer_id, occurred_at, amount_minor)
        WHERE kind = 'visit' AND archived_at IS NULL AND customer_id IS NOT NULL;

      -- The dashboard's monthly visits, revenue, returning customers and Pareto read a range of time
      -- from this index alone (walk-ins included: their customer_id is null).
      CREATE INDEX visits_period ON visits (occurred_at, customer_id, amount_minor) WHERE kind = 'visit' AND archived_at IS NULL;

      -- How many customers were in each tier at the end of each month, for the tier chart: the
      -- current month is rewritten by every full pass; earlier months stay as they were recorded.
      CREATE TABLE loyalty_tier_history (
        month TEXT NOT NULL,
        tier TEXT NOT NULL CHECK (tier IN (${tierList})),
        customers INTEGER NOT NULL,
        PRIMARY KEY (month, tier)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
