import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';
import type { PhoneWrite } from './queries';

/** Inserts for customers known to be new (an import): no "replace" deletes first. */
const statements = statementsFor((db) => ({
  insertPhone: db.prepare<[string, number, string, string | null, string, string, string]>(`
    INSERT INTO customer_phones (customer_id, position, display, e164, match_key, national_reversed, search_digits)
    VALUES (?, ?, ?, ?, ?, ?, ?)`),
  insertTag: db.prepare<[string, string, number, string, string]>(
    'INSERT OR IGNORE INTO customer_tags (customer_id, kind, position, value, value_key) VALUES (?, ?, ?, ?, ?)',
  ),
  insertGram: db.prepare<[string, number]>('INSERT OR IGNORE INTO customer_name_grams (gram, customer_rid) VALUES (?, ?)'),
  setCreatedAt: db.prepare<[string, string, string]>('UPDATE customers SET created_at = ?, last_seen_at = ? WHERE id = ?'),
  searchTriggers: db.prepare<[], { name: string; sql: string }>(
    "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND sql LIKE '%customers_fts%' ORDER BY name",
  ),
  maxRid: db.prepare<[], number>('SELECT coalesce(max(rid), 0) FROM customers').pluck(),
  // The same row the search triggers of migration 001 write, for many customers in one statement.
  indexFrom: db.prepare<[number]>(`
    INSERT INTO customers_fts (rowid, name, phones, email, tags, notes)
      SELECT c.rid, c.name,
        coalesce((SELECT group_concat(p.search_digits, ' ') FROM customer_phones p WHERE p.customer_id = c.id), ''),
        c.email,
        coalesce((SELECT group_concat(t.value, ' ') FROM customer_tags t WHERE t.customer_id = c.id), ''),
        c.notes
      FROM customers c WHERE c.rid > ?`),
}));

export const insertNewPhone = (db: Db, customerId: string, position: number, phone: PhoneWrite): void => {
  statements(db).insertPhone.run(customerId, position, phone.display, phone.e164, phone.match_key, phone.national_reversed, phone.search_digits);
};

export const insertNewTag = (db: Db, customerId: string, kind: 'tag' | 'interest', position: number, value: string, key: string): void => {
  statements(db).insertTag.run(customerId, kind, position, value, key);
};

export const insertNewGram = (db: Db, gram: string, rid: number): void => {
  statements(db).insertGram.run(gram, rid);
};

/** An imported customer keeps the date they became a customer in the old tool. */
export const backdateCustomer = (db: Db, id: string, createdAt: string): void => {
  statements(db).setCreatedAt.run(createdAt, createdAt, id);
};

export const searchIndexTriggers = (db: Db): { name: string; sql: string }[] => statements(db).searchTriggers.all();

export const highestCustomerRid = (db: Db): number => statements(db).maxRid.get() ?? 0;

export const indexCustomersAfter = (db: Db, rid: number): void => {
  statements(db).indexFrom.run(rid);
};
