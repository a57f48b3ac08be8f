import type { Db } from '../../db/connection';
import { jsonList, statementsFor } from '../../db/statements';
import { importedPartSql, scopeAll, scopeIds } from '../queries';

const statements = statementsFor((db) => ({
  // One walk of visits_customer_time, covering, in its own order (customer, then time): each
  // customer's visits are summed as the walk passes them, so nothing is sorted. Measured on the full
  // book against a seek per customer into the same index: no slower from one month to twelve, 20-40%
  // faster over 24 (100,000 seeks cost about as much as stepping over every visit). Customers archived
  // are left out by their key, once per customer (customers_archived holds the few of them). A
  // contact carries no amount (the table's CHECK), so the sums need no test of the kind: without it
  // the walk reads one column less per visit (127-147 ms against 138-183 on the full book).
  spendByCustomer: db
    .prepare<{ from: string; to: string }, [string, string]>(`
      SELECT json_group_array(customer_id), json_group_array(coalesce(spent, 0)) FROM (
        SELECT customer_id, sum(amount_minor) AS spent FROM visits INDEXED BY visits_customer_time
        WHERE customer_id IS NOT NULL AND archived_at IS NULL AND occurred_at >= @from AND occurred_at < @to
        GROUP BY customer_id
        HAVING customer_id NOT IN (SELECT id FROM customers WHERE archived_at IS NOT NULL)
      )`)
    .raw(),
  // The same sums for a few customers, a seek each into visits_customer_time; archived customers spent nothing here.
  spendOfCustomers: db.prepare<{ ids: string; from: string; to: string }, [string, number | null]>(`
    SELECT c.id, (
      SELECT sum(amount_minor) FROM visits INDEXED BY visits_customer_time
      WHERE customer_id = c.id AND archived_at IS NULL AND occurred_at >= @from AND occurred_at < @to
    )
    FROM customers c WHERE c.id IN (SELECT value FROM json_each(@ids)) AND c.archived_at IS NULL`).raw(),
  // The range's part of imported histories, of customers still in the book: none at all in a book
  // that brought no past, and then this reads nothing (imported_histories is empty).
  importedSpendInRange: db.prepare<{ from: string; to: string }, [string, number]>(`
    SELECT i.customer_id, i.revenue FROM (${importedPartSql(scopeAll, '@from', '@to')}) i JOIN customers c ON c.id = i.customer_id
    WHERE c.archived_at IS NULL AND i.revenue <> 0`).raw(),
  importedSpendOfCustomers: db.prepare<{ ids: string; from: string; to: string }, [string, number]>(`
    SELECT i.customer_id, i.revenue FROM (${importedPartSql(scopeIds, '@from', '@to')}) i JOIN customers c ON c.id = i.customer_id
    WHERE c.archived_at IS NULL`).raw(),
  // Moves when another connection (the jobs worker) commits; this connection's own writes leave it alone.
  dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
  // From visits_time: a range of time, covering (customer_id and amount_minor are in it).
  visitsInMonth: db.prepare<{ from: string; to: string }, MonthVisits>(`
    SELECT count(*) AS visits, coalesce(sum(amount_minor), 0) AS revenue_minor, count(DISTINCT customer_id) AS customers
    FROM visits
    WHERE kind = 'visit' AND archived_at IS NULL AND occurred_at >= @from AND occurred_at < @to`),
  // customers_first_visit: a range of first visits (archived_at is in it, migration 019); then each
  // first-timer's referral by its key, however long after their first visit it was noted.
  newInMonth: db.prepare<{ from: string; to: string }, MonthNewCustomers>(`
    SELECT count(*) AS new_customers, coalesce(sum(EXISTS (SELECT 1 FROM referrals r WHERE r.customer_id = c.id)), 0) AS referred_new_customers
    FROM customers c
    WHERE c.first_visit_at IS NOT NULL AND c.first_visit_at >= @from AND c.first_visit_at < @to AND c.archived_at IS NULL`),
  // The visits of archived customers in a range (customers_archived holds the few of them, then
  // visits_customer_time): the month figures count every visitor, the customer flow only those still in the book.
  // CROSS JOIN keeps the customers first (left to itself the planner walked every visit in the
  // range: 4 s on the full book, against 15-30 ms); the index is not named, because this module's
  // statements are also prepared by the derived pass inside a large import, while the bulk writer
  // has the customers' indexes set aside (a statement naming one could not be prepared then).
  archivedVisits: db.prepare<{ from: string; to: string }, { customer_id: string; occurred_at: string }>(`
    SELECT v.customer_id, v.occurred_at FROM customers c CROSS JOIN visits v ON v.customer_id = c.id
    WHERE c.archived_at IS NOT NULL AND v.kind = 'visit' AND v.archived_at IS NULL AND v.occurred_at >= @from AND v.occurred_at < @to`),
  // customers_lapses_on (its partial conditions repeated so the planner can use it): still away, by the month they lapsed.
  lapsedByMonth: db.prepare<{ fromDay: string; toDay: string }, { period: string; customers: number }>(`
    SELECT substr(lapses_on, 1, 7) AS period, count(*) AS customers FROM customers
    WHERE lapses_on IS NOT NULL AND archived_at IS NULL AND lost_at IS NULL AND lapses_on >= @fromDay AND lapses_on < @toDay
    GROUP BY period`),
  tierHistory: db.prepare<{ fromMonth: string; toMonth: string }, { month: string; tier: string; customers: number }>(
    'SELECT month, tier, customers FROM loyalty_tier_history WHERE month >= @fromMonth AND month <= @toMonth',
  ),
  // customer_loyalty_tier alone.
  tiersNow: db.prepare<[], { tier: string; customers: number }>('SELECT tier, count(*) AS customers FROM customer_loyalty GROUP BY tier'),
  // customer_loyalty_quadrant alone: satisfaction in half levels, loyalty in tenths. Grouped first by
  // the stored values, in index order (a few hundred groups, nothing sorted), then by the rounded
  // ones: rounding first made SQLite sort every customer's row.
  matrix: db.prepare<[], { quadrant: string; satisfaction: number; loyalty: number; customers: number }>(`
    SELECT quadrant, round(satisfaction * 2) / 2 AS satisfaction, round(loyalty * 10) / 10 AS loyalty, sum(customers) AS customers
    FROM (
      SELECT quadrant, satisfaction, loyalty, count(*) AS customers FROM customer_loyalty
      WHERE quadrant IS NOT NULL GROUP BY quadrant, satisfaction, loyalty
    )
    GROUP BY 1, 2, 3`),
  // Everyone with a row, less those placed: two index counts (quadrant IS NULL read every row).
  unanswered: db
    .prepare<[], number>('SELECT (SELECT count(*) FROM customer_loyalty) - (SELECT count(*) FROM customer_loyalty WHERE quadrant IS NOT NULL)')
    .pluck(),
  // The primary key: the months whose bounds fall in the range.
  keptMonths: db.prepare<{ from: string; to: string }, MonthFigures>(`
    SELECT from_at, to_at, visits, revenue_minor, customers, new_customers, referred_new_customers FROM visit_month_figures
    WHERE from_at >= @from AND to_at <= @to`),
  allKeptMonths: db.prepare<[], { from_at: string; to_at: string }>('SELECT from_at, to_at FROM visit_month_figures'),
  // The primary key: how many months are kept between two bounds.
  keptMonthCount: db.prepare<{ from: string; to: string }, number>('SELECT count(*) FROM visit_month_figures WHERE from_at >= @from AND to_at <= @to').pluck(),
  forgetMonth: db.prepare<{ from_at: string; to_at: string }>('DELETE FROM visit_month_figures WHERE from_at = @from_at AND to_at = @to_at'),
  // Two index ends (visits_time, customers_first_visit): where the book's months begin. Every visit
  // counts here, archived or a contact, so the months before it are counted too (as zeros): one bound
  // read per write, with no condition that would make it step over rows.
  earliestInstant: db
    .prepare<[], string | null>(`
      SELECT min(at) FROM (
        SELECT min(occurred_at) AS at FROM visits
        UNION ALL SELECT min(first_visit_at) FROM customers WHERE first_visit_at IS NOT NULL
      )`)
    .pluck(),
  keepMonth: db.prepare<MonthFigures>(`
    INSERT OR REPLACE INTO visit_month_figures (from_at, to_at, visits, revenue_minor, customers, new_customers, referred_new_customers)
    VALUES (@from_at, @to_at, @visits, @revenue_minor, @customers, @new_customers, @referred_new_customers)`),
}));

/**
 * Records, for this connection only, every customer whose spending a write on it may have changed:
 * a visit or an imported history added, removed or altered (both customers when one moves), or the
 * customer archived or restored. TEMP triggers on the book's tables live and die with the connection and write nothing to
 * the book; a write that rolls back takes its record with it. Writes by other connections are seen
 * by `PRAGMA data_version` instead. Made the first time a connection asks what changed.
 */
const spendWatch = statementsFor((db) => {
  db.exec(`
    CREATE TEMP TABLE IF NOT EXISTS dashboard_spend_changed (customer_id TEXT PRIMARY KEY) WITHOUT ROWID;
    CREATE TEMP TRIGGER IF NOT EXISTS dashboard_spend_visit_added AFTER INSERT ON main.visits WHEN NEW.customer_id IS NOT NULL
    BEGIN INSERT OR IGNORE INTO dashboard_spend_changed VALUES (NEW.customer_id); END;
    CREATE TEMP TRIGGER IF NOT EXISTS dashboard_spend_visit_removed AFTER DELETE ON main.visits WHEN OLD.customer_id IS NOT NULL
    BEGIN INSERT OR IGNORE INTO dashboard_spend_changed VALUES (OLD.customer_id); END;
    CREATE TEMP TRIGGER IF NOT EXISTS dashboard_spend_visit_changed AFTER UPDATE OF customer_id, kind, occurred_at, amount_minor, archived_at ON main.visits
    BEGIN
      INSERT OR IGNORE INTO dashboard_spend_changed SELECT OLD.customer_id WHERE OLD.customer_id IS NOT NULL;
      INSERT OR IGNORE INTO dashboard_spend_changed SELECT NEW.customer_id WHERE NEW.customer_id IS NOT NULL;
    END;
    CREATE TEMP TRIGGER IF NOT EXISTS dashboard_spend_history_added AFTER INSERT ON main.imported_histories
    BEGIN INSERT OR IGNORE INTO dashboard_spend_changed VALUES (NEW.customer_id); END;
    CREATE TEMP TRIGGER IF NOT EXISTS dashboard_spend_history_removed AFTER DELETE ON main.imported_histories
    BEGIN INSERT OR IGNORE INTO dashboard_spend_changed VALUES (OLD.customer_id); END;
    CREATE TEMP TRIGGER IF NOT EXISTS dashboard_spend_history_changed AFTER UPDATE ON main.imported_histories
    BEGIN
      INSERT OR IGNORE INTO dashboard_spend_changed VALUES (OLD.customer_id);
      INSERT OR IGNORE INTO dashboard_spend_changed VALUES (NEW.customer_id);
    END;
    CREATE TEMP TRIGGER IF NOT EXISTS dashboard_spend_customer_archived AFTER UPDATE OF archived_at ON main.customers
    WHEN OLD.archived_at IS NOT NEW.archived_at
    BEGIN INSERT OR IGNORE INTO dashboard_spend_changed VALUES (NEW.id); END;
  `);
  return { take: db.prepare<[], string>('DELETE FROM temp.dashboard_spend_changed RETURNING customer_id').pluck() };
});

/** The customers whose spending may have changed since the last call on this connection (all of them are forgotten as told). */
export const takeChangedSpenders = (db: Db): string[] => spendWatch(db).take.all();

/**
 * Each customer still in the book who visited in the range, and what they spent in it (0 when
 * nothing), in two lists in the same order. Handed over as two JSON texts: a hundred thousand rows
 * read one by one cost about as much again as the walk itself.
 */
export const spendByCustomer = (db: Db, from: string, to: string): { ids: string[]; spent: number[] } => {
  const [ids, spent] = statements(db).spendByCustomer.get({ from, to }) ?? ['[]', '[]'];
  return { ids: JSON.parse(ids) as string[], spent: JSON.parse(spent) as number[] };
};

export const spendOfCustomers = (db: Db, ids: readonly string[], from: string, to: string): [string, number | null][] =>
  statements(db).spendOfCustomers.all({ ids: jsonList(ids), from, to });

/** The range's part of imported histories (loyalty/queries.ts importedPartSql) per customer still in the book, those with a part only. */
export const importedSpendInRange = (db: Db, from: string, to: string): [string, number][] => statements(db).importedSpendInRange.all({ from, to });

/** The same for a few customers. */
export const importedSpendOfCustomers = (db: Db, ids: readonly string[], from: string, to: string): [string, number][] =>
  statements(db).importedSpendOfCustomers.all({ ids: jsonList(ids), from, to });

export const dataVersion = (db: Db): number => statements(db).dataVersion.get() ?? 0;

interface MonthVisits {
  visits: number;
  revenue_minor: number;
  customers: number;
}

/** A month's first-timers still in the book, and how many of them a customer referred. */
export interface MonthNewCustomers {
  new_customers: number;
  referred_new_customers: number;
}

/** One month of the dashboard, bounded by UTC instants: its visits, revenue, distinct visitors, first-timers and the referred among them. */
export interface MonthFigures extends MonthVisits, MonthNewCustomers {
  from_at: string;
  to_at: string;
}

export const visitsInMonth = (db: Db, from: string, to: string): MonthVisits =>
  statements(db).visitsInMonth.get({ from, to }) ?? { visits: 0, revenue_minor: 0, customers: 0 };

export const newCustomersInMonth = (db: Db, from: string, to: string): MonthNewCustomers =>
  statements(db).newInMonth.get({ from, to }) ?? { new_customers: 0, referred_new_customers: 0 };

export const keptMonthFigures = (db: Db, from: string, to: string): MonthFigures[] => statements(db).keptMonths.all({ from, to });

/** The earliest visit or first visit in the book (null when it has none). */
export const earliestInstant = (db: Db): string | null => statements(db).earliestInstant.get() ?? null;

export const allKeptMonths = (db: Db): { from_at: string; to_at: string }[] => statements(db).allKeptMonths.all();

export const keptMonthCount = (db: Db, from: string, to: string): number => statements(db).keptMonthCount.get({ from, to }) ?? 0;

export const forgetMonth = (db: Db, month: { from_at: string; to_at: string }): void => {
  statements(db).forgetMonth.run(month);
};

export const keepMonthFigures = (db: Db, figures: MonthFigures): void => {
  statements(db).keepMonth.run(figures);
};

/** Archived customers' visits from `from` to `to` (instants), each with its customer. */
export const archivedVisitsBetween = (db: Db, from: string, to: string) => statements(db).archivedVisits.all({ from, to });

export const lapsedByMonth = (db: Db, fromDay: string, toDay: string) => statements(db).lapsedByMonth.all({ fromDay, toDay });

export const tierHistory = (db: Db, fromMonth: string, toMonth: string) => statements(db).tierHistory.all({ fromMonth, toMonth });

export const tiersNow = (db: Db) => statements(db).tiersNow.all();

export const matrixCells = (db: Db) => statements(db).matrix.all();

export const unansweredCount = (db: Db): number => statements(db).unanswered.get() ?? 0;
