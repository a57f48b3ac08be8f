import type { Migration } from './types';

/** Drops the kept figures of every month holding one of the instants (a visit's time, a first visit). */
const forget = (instant: string): string =>
  `DELETE FROM visit_month_figures WHERE ${instant} IS NOT NULL AND ${instant} >= from_at AND ${instant} < to_at;`;

export const migration010: Migration = {
  version: 10,
  name: 'visit figures kept per month for the loyalty dashboard',
  up: (db) => {
    db.exec(`
      -- The dashboard's per-month visit figures (visits, revenue, distinct visitors, first-timers),
      -- kept once read: a month past does not change unless a visit in it does. A month is its
      -- bounds as UTC instants in the shop's zone when read, so a zone change simply misses. The
      -- triggers below forget a month whenever a visit in it, or a first visit in it, changes; the
      -- figures themselves are computed by electron/core/loyalty/dashboard/month-figures.ts.
      CREATE TABLE visit_month_figures (
        from_at TEXT NOT NULL,
        to_at TEXT NOT NULL,
        visits INTEGER NOT NULL,
        revenue_minor INTEGER NOT NULL,
        customers INTEGER NOT NULL,
        new_customers INTEGER NOT NULL,
        PRIMARY KEY (from_at, to_at)
      ) STRICT, WITHOUT ROWID;

      CREATE TRIGGER visit_month_figures_visit_added AFTER INSERT ON visits
      BEGIN ${forget('NEW.occurred_at')} END;
      CREATE TRIGGER visit_month_figures_visit_removed AFTER DELETE ON visits
      BEGIN ${forget('OLD.occurred_at')} END;
      CREATE TRIGGER visit_month_figures_visit_changed AFTER UPDATE OF occurred_at, amount_minor, archived_at, kind, customer_id ON visits
      BEGIN ${forget('OLD.occurred_at')} ${forget('NEW.occurred_at')} END;

      CREATE TRIGGER visit_month_figures_customer_added AFTER INSERT ON customers
      BEGIN ${forget('NEW.first_visit_at')} END;
      CREATE TRIGGER visit_month_figures_customer_removed AFTER DELETE ON customers
      BEGIN ${forget('OLD.first_visit_at')} END;
      CREATE TRIGGER visit_month_figures_customer_changed AFTER UPDATE OF first_visit_at, archived_at ON customers
      WHEN OLD.first_visit_at IS NOT NEW.first_visit_at OR OLD.archived_at IS NOT NEW.archived_at
      BEGIN ${forget('OLD.first_visit_at')} ${forget('NEW.first_visit_at')} END;
    `);
  },
};
