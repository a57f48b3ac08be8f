import type { Db } from '../db/connection';
import { jsonList, statementsFor } from '../db/statements';

const statements = statementsFor((db) => ({
  countInBook: db.prepare<[], number>('SELECT count(*) FROM customers WHERE archived_at IS NULL').pluck(),
  allIds: db.prepare<[], string>('SELECT id FROM customers ORDER BY id').pluck(),
  inBook: db.prepare<[string], { id: string; archived_at: string | null }>('SELECT id, archived_at FROM customers WHERE id IN (SELECT value FROM json_each(?))'),
}));

/** Every customer, archived ones too (their figures and reminders are cleared), in key order. */
export const allCustomerIds = (db: Db): string[] => statements(db).allIds.all();

export const countCustomersInBook = (db: Db): number => statements(db).countInBook.get() ?? 0;

/** Which of these customers are still in the book (a merge deletes the absorbed one), and whether archived. */
export const customersInBook = (db: Db, customerIds: readonly string[]): { id: string; archived: boolean }[] =>
  statements(db)
    .inBook.all(jsonList(customerIds))
    .map((row) => ({ id: row.id, archived: row.archived_at !== null }));
