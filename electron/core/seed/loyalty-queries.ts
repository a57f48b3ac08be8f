import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';

/** [customer id, occurred at, amount or null] */
export type DbSpendRow = [string, string, number | null];

const statements = statementsFor((db) => ({
  // The customers' sales in a span, each customer's together (visits_customer_time covers it).
  spendBetween: db
    .prepare<{ from: string; to: string }, DbSpendRow>(`
      SELECT customer_id, occurred_at, amount_minor FROM visits
      WHERE kind = 'visit' AND archived_at IS NULL AND customer_id IS NOT NULL AND occurred_at >= @from AND occurred_at < @to
      ORDER BY customer_id`)
    .raw(),
  points: db.prepare<[], [string, number]>('SELECT customer_id, points FROM customer_loyalty').raw(),
  customersBefore: db.prepare<[string], number>('SELECT count(*) FROM customers WHERE archived_at IS NULL AND created_at < ?').pluck(),
}));

export const spendBetween = (db: Db, from: string, to: string): IterableIterator<DbSpendRow> => statements(db).spendBetween.iterate({ from, to });

export const customerPoints = (db: Db): Map<string, number> => new Map(statements(db).points.all());

export const customersCreatedBefore = (db: Db, at: string): number => statements(db).customersBefore.get(at) ?? 0;
