import type { Migration } from './types';

export const migration011: Migration = {
  version: 11,
  name: 'history brought from another tool',
  up: (db) => {
    db.exec(`
      -- A customer's past as another tool summed it up (a POS or membership export's first and last
      -- visit, visit count and total spent): a fact recorded once per imported row, never turned into
      -- invented visits. The activity summary, rhythm, lapse, tiers and the value model count it
      -- beside the visits logged here; undoing the import that brought it removes it.
      CREATE TABLE imported_histories (
        id TEXT PRIMARY KEY,
        customer_id TEXT NOT NULL REFERENCES customers (id),
        -- The import run that brought it, so that undoing the import removes exactly its rows.
        import_id TEXT NOT NULL,
        -- The file it came from, as the timeline names it ("brought from square-export.csv").
        source_name TEXT NOT NULL,
        visit_count INTEGER NOT NULL CHECK (visit_count >= 0),
        revenue_minor INTEGER NOT NULL CHECK (revenue_minor >= 0),
        first_visit_at TEXT,
        last_visit_at TEXT,
        points INTEGER,
        member_level TEXT,
        recorded_at TEXT NOT NULL,
        CHECK (first_visit_at IS NULL OR last_visit_at IS NULL OR first_visit_at <= last_visit_at)
      ) STRICT;
      CREATE INDEX imported_histories_customer ON imported_histories (customer_id);
      CREATE INDEX imported_histories_import ON imported_histories (import_id);
    `);
  },
};
