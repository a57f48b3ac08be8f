import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';

const statements = statementsFor((db) => ({
  // Each customer's spend in a trailing year, from visits_customer_amount, with their current points.
  spendBefore: db.prepare<{ from: string; to: string }, { revenue: number; points: number }>(`
    SELECT sum(v.amount_minor) AS revenue, coalesce(l.points, 0) AS points
    FROM visits v LEFT JOIN customer_loyalty l ON l.customer_id = v.customer_id
    WHERE v.kind = 'visit' AND v.archived_at IS NULL AND v.customer_id IS NOT NULL AND v.occurred_at >= @from AND v.occurred_at < @to
    GROUP BY v.customer_id`),
  customersBefore: db.prepare<[string], number>('SELECT count(*) FROM customers WHERE archived_at IS NULL AND created_at < ?').pluck(),
}));

export const spendInYearBefore = (db: Db, from: string, to: string) => statements(db).spendBefore.all({ from, to });

export const customersCreatedBefore = (db: Db, at: string): number => statements(db).customersBefore.get(at) ?? 0;
