import type { Db } from '../db/connection';
import { prepareRowBatch, RowBatch, statementsFor } from '../db/statements';
import type { CustomerWrite, PhoneWrite } from './queries';

const customerColumns = `rid, id, name, name_key, email, email_key, birthday_month, birthday_day, birthday_year, address,
  gender, notes, source, need_type, owner_staff_id, consent_contact, created_at, updated_at, last_seen_at, search_phones, search_tags`;
const phoneColumns = 'customer_id, position, display, e164, match_key, national_reversed, search_digits';
const tagColumns = 'customer_id, kind, position, value, value_key';

const statements = statementsFor((db) => ({
  // Positional, with the row id chosen by the caller: the cheapest insert, for thousands in a row.
  customers: prepareRowBatch(db, `INSERT INTO customers (${customerColumns})`, 21),
  phones: prepareRowBatch(db, `INSERT INTO customer_phones (${phoneColumns})`, 7),
  tags: prepareRowBatch(db, `INSERT OR IGNORE INTO customer_tags (${tagColumns})`, 5),
  grams: prepareRowBatch(db, 'INSERT OR IGNORE INTO customer_name_grams (gram, customer_rid)', 2),
  keys: prepareRowBatch(db, 'INSERT OR IGNORE INTO customer_name_keys (key, customer_rid)', 2),
  // The search index's triggers, and migration 010's trigger that forgets the month of a new
  // customer's first visit: a customer added in bulk has none yet (the derived pass gives it one,
  // and recounts the months), so for each of 100,000 rows it only ran a DELETE that found nothing.
  setAsideTriggers: db.prepare<[], { name: string; sql: string }>(
    "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND (sql LIKE '%customers_fts%' OR name = 'visit_month_figures_customer_added') ORDER BY name",
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

/** New customers' rows, written many to a statement, held until the writer writes them (their phones and tags wait for them). */
export const newCustomerRows = (db: Db): RowBatch => new RowBatch(statements(db).customers, true);
export const newPhoneRows = (db: Db): RowBatch => new RowBatch(statements(db).phones, true);
export const newTagRows = (db: Db): RowBatch => new RowBatch(statements(db).tags, true);
export const newGramRows = (db: Db): RowBatch => new RowBatch(statements(db).grams);
export const newKeyRows = (db: Db): RowBatch => new RowBatch(statements(db).keys);

/** Adds a customer known to be new (no "replace" deletes first), with the row id chosen by the caller, to a batch of newCustomerRows. */
export const addNewCustomer = (rows: RowBatch, rid: number, row: CustomerWrite): void => {
  rows.add(
    rid, row.id, row.name, row.name_key, row.email, row.email_key, row.birthday_month, row.birthday_day, row.birthday_year, row.address,
    row.gender, row.notes, row.source, row.need_type, row.owner_staff_id, row.consent_contact, row.created_at, row.updated_at, row.created_at,
    row.search_phones, row.search_tags,
  );
};

export const addNewPhone = (rows: RowBatch, customerId: string, position: number, phone: PhoneWrite): void => {
  rows.add(customerId, position, phone.display, phone.e164, phone.match_key, phone.national_reversed, phone.search_digits);
};

export const addNewTag = (rows: RowBatch, customerId: string, kind: 'tag' | 'interest', position: number, value: string, key: string): void => {
  rows.add(customerId, kind, position, value, key);
};

export const triggersSetAside = (db: Db): { name: string; sql: string }[] => statements(db).setAsideTriggers.all();

export const customerTableIndexes = (db: Db): { name: string; sql: string }[] => statements(db).customerIndexes.all();

export const countAllCustomers = (db: Db): number => statements(db).customerCount.get() ?? 0;

export const highestCustomerRid = (db: Db): number => statements(db).maxRid.get() ?? 0;

export const indexCustomersAfter = (db: Db, rid: number): void => {
  statements(db).indexFrom.run(rid);
};
