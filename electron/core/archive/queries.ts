import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';
import { type DbCustomerListRow, listColumns } from '../customers';

const statements = statementsFor((db) => ({
  archivedCustomers: db.prepare<[number, number], DbCustomerListRow & { archived_at: string }>(`
    SELECT ${listColumns} FROM customers c INDEXED BY customers_archived
    WHERE c.archived_at IS NOT NULL ORDER BY c.archived_at DESC, c.rid DESC LIMIT ? OFFSET ?`),
  countArchivedCustomers: db.prepare<[], number>('SELECT count(*) FROM customers WHERE archived_at IS NOT NULL').pluck(),
  phoneCount: db.prepare<[string], number>('SELECT count(*) FROM customer_phones WHERE customer_id = ?').pluck(),
  tagCounts: db.prepare<[string], { kind: 'tag' | 'interest'; count: number }>(
    'SELECT kind, count(*) AS count FROM customer_tags WHERE customer_id = ? GROUP BY kind',
  ),
}));

/** Archived customers, most recently archived first. */
export const archivedCustomerRows = (db: Db, limit: number, offset: number) => statements(db).archivedCustomers.all(limit, offset);

export const countArchivedCustomers = (db: Db): number => statements(db).countArchivedCustomers.get() ?? 0;

/** What a customer's own row carries besides its fields: phones, tags and interests. */
export const ownPartCounts = (db: Db, customerId: string): { phones: number; tags: number; interests: number } => {
  const tags = new Map(statements(db).tagCounts.all(customerId).map((row) => [row.kind, row.count]));
  return { phones: statements(db).phoneCount.get(customerId) ?? 0, tags: tags.get('tag') ?? 0, interests: tags.get('interest') ?? 0 };
};
