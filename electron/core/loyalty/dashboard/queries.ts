import type { Db } from '../../db/connection';
import { statementsFor } from '../../db/statements';

const statements = statementsFor((db) => ({
  // All from visits_period: a range of time, covering (customer_id and amount_minor are in it).
  spendInRange: db
    .prepare<{ from: string; to: string }, number>(`
      SELECT sum(amount_minor) AS spent FROM visits
      WHERE kind = 'visit' AND archived_at IS NULL AND occurred_at >= @from AND occurred_at < @to AND customer_id IS NOT NULL
      GROUP BY customer_id HAVING spent > 0`)
    .pluck(),
  visitsByMonth: db.prepare<{ from: string; to: string; shift: string }, { period: string; visits: number; revenue: number; customers: number }>(`
    SELECT strftime('%Y-%m', occurred_at, @shift) AS period, count(*) AS visits, coalesce(sum(amount_minor), 0) AS revenue,
      count(DISTINCT customer_id) AS customers
    FROM visits
    WHERE kind = 'visit' AND archived_at IS NULL AND occurred_at >= @from AND occurred_at < @to
    GROUP BY period`),
  // customers_first_visit: a range of first visits.
  newByMonth: db.prepare<{ from: string; to: string; shift: string }, { period: string; customers: number }>(`
    SELECT strftime('%Y-%m', first_visit_at, @shift) AS period, count(*) AS customers FROM customers
    WHERE first_visit_at IS NOT NULL AND first_visit_at >= @from AND first_visit_at < @to AND archived_at IS NULL
    GROUP BY period`),
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
  // customer_loyalty_quadrant alone: satisfaction in half levels, loyalty in tenths.
  matrix: db.prepare<[], { quadrant: string; satisfaction: number; loyalty: number; customers: number }>(`
    SELECT quadrant, round(satisfaction * 2) / 2 AS satisfaction, round(loyalty * 10) / 10 AS loyalty, count(*) AS customers
    FROM customer_loyalty WHERE quadrant IS NOT NULL
    GROUP BY quadrant, 2, 3`),
  unanswered: db.prepare<[], number>('SELECT count(*) FROM customer_loyalty WHERE quadrant IS NULL').pluck(),
}));

export const spendInRange = (db: Db, from: string, to: string): number[] => statements(db).spendInRange.all({ from, to });

export const visitsByMonth = (db: Db, from: string, to: string, shift: string) => statements(db).visitsByMonth.all({ from, to, shift });

export const newByMonth = (db: Db, from: string, to: string, shift: string) => statements(db).newByMonth.all({ from, to, shift });

export const lapsedByMonth = (db: Db, fromDay: string, toDay: string) => statements(db).lapsedByMonth.all({ fromDay, toDay });

export const tierHistory = (db: Db, fromMonth: string, toMonth: string) => statements(db).tierHistory.all({ fromMonth, toMonth });

export const tiersNow = (db: Db) => statements(db).tiersNow.all();

export const matrixCells = (db: Db) => statements(db).matrix.all();

export const unansweredCount = (db: Db): number => statements(db).unanswered.get() ?? 0;
