import type { Db } from '../../db/connection';
import { statementsFor } from '../../db/statements';

const statements = statementsFor((db) => ({
  // One walk of visits_customer_time, covering, in its own order (customer, then time): each
  // customer's visits are summed as the walk passes them, so nothing is sorted. Measured on the full
  // book against a seek per customer into the same index: no slower from one month to twelve, 20-40%
  // faster over 24 (100,000 seeks cost about as much as stepping over every visit).
  spendInRange: db
    .prepare<{ from: string; to: string }, number | null>(`
      SELECT sum(amount_minor) FROM visits INDEXED BY visits_customer_time
      WHERE customer_id IS NOT NULL AND kind = 'visit' AND archived_at IS NULL AND occurred_at >= @from AND occurred_at < @to
      GROUP BY customer_id`)
    .pluck(),
  // From visits_time: a range of time, covering (customer_id and amount_minor are in it).
  visitsInMonth: db.prepare<{ from: string; to: string }, MonthVisits>(`
    SELECT count(*) AS visits, coalesce(sum(amount_minor), 0) AS revenue_minor, count(DISTINCT customer_id) AS customers
    FROM visits
    WHERE kind = 'visit' AND archived_at IS NULL AND occurred_at >= @from AND occurred_at < @to`),
  // customers_first_visit: a range of first visits, covering (archived_at is in it, migration 019).
  newInMonth: db
    .prepare<{ from: string; to: string }, number>(`
      SELECT count(*) FROM customers
      WHERE first_visit_at IS NOT NULL AND first_visit_at >= @from AND first_visit_at < @to AND archived_at IS NULL`)
    .pluck(),
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
    SELECT from_at, to_at, visits, revenue_minor, customers, new_customers FROM visit_month_figures
    WHERE from_at >= @from AND to_at <= @to`),
  allKeptMonths: db.prepare<[], { from_at: string; to_at: string }>('SELECT from_at, to_at FROM visit_month_figures'),
  keepMonth: db.prepare<MonthFigures>(`
    INSERT OR REPLACE INTO visit_month_figures (from_at, to_at, visits, revenue_minor, customers, new_customers)
    VALUES (@from_at, @to_at, @visits, @revenue_minor, @customers, @new_customers)`),
}));

/** What each customer who spent anything in the range spent (filtered here: a HAVING would compute each sum twice). */
export const spendInRange = (db: Db, from: string, to: string): number[] =>
  statements(db)
    .spendInRange.all({ from, to })
    .filter((spent): spent is number => spent !== null && spent > 0);

interface MonthVisits {
  visits: number;
  revenue_minor: number;
  customers: number;
}

/** One month of the dashboard, bounded by UTC instants: its visits, revenue, distinct visitors and first-timers. */
export interface MonthFigures extends MonthVisits {
  from_at: string;
  to_at: string;
  new_customers: number;
}

export const visitsInMonth = (db: Db, from: string, to: string): MonthVisits =>
  statements(db).visitsInMonth.get({ from, to }) ?? { visits: 0, revenue_minor: 0, customers: 0 };

export const newInMonth = (db: Db, from: string, to: string): number => statements(db).newInMonth.get({ from, to }) ?? 0;

export const keptMonthFigures = (db: Db, from: string, to: string): MonthFigures[] => statements(db).keptMonths.all({ from, to });

export const allKeptMonths = (db: Db): { from_at: string; to_at: string }[] => statements(db).allKeptMonths.all();

export const keepMonthFigures = (db: Db, figures: MonthFigures): void => {
  statements(db).keepMonth.run(figures);
};

export const lapsedByMonth = (db: Db, fromDay: string, toDay: string) => statements(db).lapsedByMonth.all({ fromDay, toDay });

export const tierHistory = (db: Db, fromMonth: string, toMonth: string) => statements(db).tierHistory.all({ fromMonth, toMonth });

export const tiersNow = (db: Db) => statements(db).tiersNow.all();

export const matrixCells = (db: Db) => statements(db).matrix.all();

export const unansweredCount = (db: Db): number => statements(db).unanswered.get() ?? 0;
