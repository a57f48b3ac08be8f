import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';
import type { CustomerWrite, PhoneWrite } from './queries';

/** Inserts for customers known to be new (an import): no "replace" deletes first. */
type CustomerRowValues = [number, string, string, string, string, string, number | null, number | null, number | null, string, string | null, string, string | null, string | null, string | null, number, string, string, string, string, string];

const statements = statementsFor((db) => ({
  // Positional, with the row id chosen by the caller: the cheapest insert, for thousands in a row.
  insertCustomer: db.prepare<CustomerRowValues>(`
    INSERT INTO customers (rid, id, name, name_key, email, email_key, birthday_month, birthday_day, birthday_year, address,
      gender, notes, source, need_type, owner_staff_id, consent_contact, created_at, updated_at, last_seen_at, search_phones, search_tags)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
  insertPhone: db.prepare<[string, number, string, string | null, string, string, string]>(`
    INSERT INTO customer_phones (customer_id, position, display, e164, match_key, national_reversed, search_digits)
    VALUES (?, ?, ?, ?, ?, ?, ?)`),
  insertTag: db.prepare<[string, string, number, string, string]>(
    'INSERT OR IGNORE INTO customer_tags (customer_id, kind, position, value, value_key) VALUES (?, ?, ?, ?, ?)',
  ),
  // [[value, rid], …] as one JSON array: a statement per ten thousand entries instead of one each.
  insertGrams: db.prepare<[string]>('INSERT OR IGNORE INTO customer_name_grams (gram, customer_rid) SELECT value ->> 0, value ->> 1 FROM json_each(?)'),
  insertKeys: db.prepare<[string]>('INSERT OR IGNORE INTO customer_name_keys (key, customer_rid) SELECT value ->> 0, value ->> 1 FROM json_each(?)'),
  searchTriggers: db.prepare<[], { name: string; sql: string }>(
    "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND sql LIKE '%customers_fts%' ORDER BY name",
  ),
  // Indexes the book declares on the customer tables (not the primary keys, which SQLite owns).
  customerIndexes: db.prepare<[], { name: string; sql: string }>(`
    SELECT name, sql FROM sqlite_schema
    WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('customers', 'customer_phones', 'customer_tags', 'customer_name_grams', 'customer_name_keys')
    ORDER BY name`),
  customerCount: db.prepare<[], number>('SELECT count(*) FROM customers').pluck(),
  maxRid: db.prepare<[], number>('SELECT coalesce(max(rid), 0) FROM customers').pluck(),
  // The same row the search trigger of migration 003 writes, for many customers in one statement.
  indexFrom: db.prepare<[number]>(`
    INSERT INTO customers_fts (rowid, name, phones, email, tags, notes)
      SELECT rid, name, search_phones, email, search_tags, notes FROM customers WHERE rid > ?`),
}));

export const insertNewCustomer = (db: Db, rid: number, row: CustomerWrite): void => {
  statements(db).insertCustomer.run(
    rid, row.id, row.name, row.name_key, row.email, row.email_key, row.birthday_month, row.birthday_day, row.birthday_year, row.address,
    row.gender, row.notes, row.source, row.need_type, row.owner_staff_id, row.consent_contact, row.created_at, row.updated_at, row.created_at,
    row.search_phones, row.search_tags,
  );
};

export const insertNewPhone = (db: Db, customerId: string, position: number, phone: PhoneWrite): void => {
  statements(db).insertPhone.run(customerId, position, phone.display, phone.e164, phone.match_key, phone.national_reversed, phone.search_digits);
};

export const insertNewTag = (db: Db, customerId: string, kind: 'tag' | 'interest', position: number, value: string, key: string): void => {
  statements(db).insertTag.run(customerId, kind, position, value, key);
};

export const insertNewGrams = (db: Db, entries: readonly [string, number][]): void => {
  statements(db).insertGrams.run(JSON.stringify(entries));
};

export const insertNewKeys = (db: Db, entries: readonly [string, number][]): void => {
  statements(db).insertKeys.run(JSON.stringify(entries));
};


export const searchIndexTriggers = (db: Db): { name: string; sql: string }[] => statements(db).searchTriggers.all();

export const customerTableIndexes = (db: Db): { name: string; sql: string }[] => statements(db).customerIndexes.all();

export const countAllCustomers = (db: Db): number => statements(db).customerCount.get() ?? 0;

export const highestCustomerRid = (db: Db): number => statements(db).maxRid.get() ?? 0;

export const indexCustomersAfter = (db: Db, rid: number): void => {
  statements(db).indexFrom.run(rid);
};
