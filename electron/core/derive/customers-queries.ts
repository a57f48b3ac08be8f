import type { Db } from '../db/connection';
import { jsonList, statementsFor } from '../db/statements';

const statements = statementsFor((db) => ({
  countInBook: db.prepare<[], number>('SELECT count(*) FROM customers WHERE archived_at IS NULL').pluck(),
  inBook: db.prepare<[string], { id: string; archived_at: string | null }>('SELECT id, archived_at FROM customers WHERE id IN (SELECT value FROM json_each(?))'),
}));

export const countCustomersInBook = (db: Db): number => statements(db).countInBook.get() ?? 0;

/** Which of these customers are still in the book (a merge deletes the absorbed one), and whether archived. */
export const customersInBook = (db: Db, customerIds: readonly string[]): { id: string; archived: boolean }[] =>
  statements(db)
    .inBook.all(jsonList(customerIds))
    .map((row) => ({ id: row.id, archived: row.archived_at !== null }));
