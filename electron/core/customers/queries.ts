import type { CustomerSource } from '../../../shared/contract/customers';
import type { Db } from '../db/connection';
import { jsonList, statementsFor } from '../db/statements';
import type { DbCustomerRow, DbPhoneRow, DbTagRow } from './rows';

/** The writable columns of a customer, in the form the table stores them. */
export type CustomerWrite = Omit<
  DbCustomerRow,
  'rid' | 'first_visit_at' | 'last_visit_at' | 'last_contact_at' | 'last_seen_at' | 'visit_count' | 'revenue_minor' | 'archived_at'
>;

export interface PhoneWrite {
  display: string;
  e164: string | null;
  match_key: string;
  national_reversed: string;
  search_digits: string;
}

/** A customer's phones as the search row holds them (customers.search_phones): their search digits in order. */
export const searchPhonesOf = (customerId: string): string =>
  `coalesce((SELECT group_concat(search_digits, ' ') FROM (SELECT search_digits FROM customer_phones WHERE customer_id = ${customerId} ORDER BY position)), '')`;

const statements = statementsFor((db) => ({
  insert: db.prepare<CustomerWrite>(`
    INSERT INTO customers (id, name, name_key, email, email_key, birthday_month, birthday_day, birthday_year, address,
      gender, notes, source, need_type, owner_staff_id, consent_contact, created_at, updated_at, last_seen_at, search_phones, search_tags)
    VALUES (@id, @name, @name_key, @email, @email_key, @birthday_month, @birthday_day, @birthday_year, @address,
      @gender, @notes, @source, @need_type, @owner_staff_id, @consent_contact, @created_at, @updated_at, @created_at, @search_phones, @search_tags)
    RETURNING rid`),
  update: db.prepare<CustomerWrite>(`
    UPDATE customers SET name = @name, name_key = @name_key, email = @email, email_key = @email_key,
      birthday_month = @birthday_month, birthday_day = @birthday_day, birthday_year = @birthday_year, address = @address,
      gender = @gender, notes = @notes, source = @source, need_type = @need_type, owner_staff_id = @owner_staff_id,
      consent_contact = @consent_contact, updated_at = @updated_at, search_phones = @search_phones, search_tags = @search_tags
    WHERE id = @id`),
  get: db.prepare<[string], DbCustomerRow>('SELECT * FROM customers WHERE id = ?'),
  setArchived: db.prepare<[string | null, string, string]>('UPDATE customers SET archived_at = ?, updated_at = ? WHERE id = ?'),
  setNotes: db.prepare<[string, string, string]>('UPDATE customers SET notes = ?, updated_at = ? WHERE id = ?'),
  setSource: db.prepare<[string, string]>('UPDATE customers SET source = ? WHERE id IN (SELECT value FROM json_each(?))'),
  deletePhones: db.prepare<[string]>('DELETE FROM customer_phones WHERE customer_id = ?'),
  insertPhone: db.prepare<[string, number, string, string | null, string, string, string]>(`
    INSERT INTO customer_phones (customer_id, position, display, e164, match_key, national_reversed, search_digits)
    VALUES (?, ?, ?, ?, ?, ?, ?)`),
  deleteTags: db.prepare<[string]>('DELETE FROM customer_tags WHERE customer_id = ?'),
  insertTag: db.prepare<[string, string, number, string, string]>(
    'INSERT OR IGNORE INTO customer_tags (customer_id, kind, position, value, value_key) VALUES (?, ?, ?, ?, ?)',
  ),
  deleteGrams: db.prepare<[number]>('DELETE FROM customer_name_grams WHERE customer_rid = ?'),
  insertGram: db.prepare<[string, number]>('INSERT OR IGNORE INTO customer_name_grams (gram, customer_rid) VALUES (?, ?)'),
  deleteKeys: db.prepare<[number]>('DELETE FROM customer_name_keys WHERE customer_rid = ?'),
  insertKey: db.prepare<[string, number]>('INSERT OR IGNORE INTO customer_name_keys (key, customer_rid) VALUES (?, ?)'),
  // As the writer makes them (write.ts): phones in order, then tags before interests.
  searchSources: db.prepare<[string], SearchSource>(`
    SELECT c.id, c.rid, c.name,
      ${searchPhonesOf('c.id')} AS search_phones,
      coalesce((SELECT group_concat(value, ' ') FROM (SELECT value FROM customer_tags WHERE customer_id = c.id ORDER BY kind = 'interest', position)), '') AS search_tags
    FROM customers c WHERE c.id IN (SELECT value FROM json_each(?))`),
  setSearchColumns: db.prepare<[string, string, string]>('UPDATE customers SET search_phones = ?, search_tags = ? WHERE id = ?'),
  phonesOf: db.prepare<[string], DbPhoneRow>(
    'SELECT customer_id, position, display, e164 FROM customer_phones WHERE customer_id IN (SELECT value FROM json_each(?)) ORDER BY customer_id, position',
  ),
  tagsOf: db.prepare<[string], DbTagRow>(
    'SELECT customer_id, kind, value FROM customer_tags WHERE customer_id IN (SELECT value FROM json_each(?)) ORDER BY customer_id, kind, position',
  ),
}));

export interface SearchSource {
  id: string;
  rid: number;
  name: string;
  search_phones: string;
  search_tags: string;
}

export const searchSourcesOf = (db: Db, ids: readonly string[]): SearchSource[] => statements(db).searchSources.all(jsonList(ids));

export const setSearchColumns = (db: Db, id: string, phones: string, tags: string): void => {
  statements(db).setSearchColumns.run(phones, tags, id);
};

export const insertCustomer = (db: Db, row: CustomerWrite): number => (statements(db).insert.get(row) as { rid: number }).rid;

export const updateCustomer = (db: Db, row: CustomerWrite): void => {
  statements(db).update.run(row);
};

export const getCustomerRow = (db: Db, id: string): DbCustomerRow | null => statements(db).get.get(id) ?? null;

export const setCustomerNotes = (db: Db, id: string, notes: string, updatedAt: string): void => {
  statements(db).setNotes.run(notes, updatedAt, id);
};

export const setCustomerArchived = (db: Db, id: string, archivedAt: string | null, updatedAt: string): void => {
  statements(db).setArchived.run(archivedAt, updatedAt, id);
};

/** Where these customers came from (the seed marks those another customer brought). */
export const setCustomersSource = (db: Db, ids: readonly string[], source: CustomerSource): void => {
  statements(db).setSource.run(source, jsonList(ids));
};

export const replacePhones = (db: Db, customerId: string, phones: readonly PhoneWrite[]): void => {
  const s = statements(db);
  s.deletePhones.run(customerId);
  phones.forEach((phone, position) =>
    s.insertPhone.run(customerId, position, phone.display, phone.e164, phone.match_key, phone.national_reversed, phone.search_digits),
  );
};

export const replaceTags = (db: Db, customerId: string, tags: readonly { kind: 'tag' | 'interest'; value: string; key: string }[]): void => {
  const s = statements(db);
  s.deleteTags.run(customerId);
  tags.forEach((tag, position) => s.insertTag.run(customerId, tag.kind, position, tag.value, tag.key));
};

export const replaceNameGrams = (db: Db, rid: number, grams: readonly string[]): void => {
  const s = statements(db);
  s.deleteGrams.run(rid);
  for (const gram of grams) s.insertGram.run(gram, rid);
};

export const replaceNameKeys = (db: Db, rid: number, keys: readonly string[]): void => {
  const s = statements(db);
  s.deleteKeys.run(rid);
  for (const key of keys) s.insertKey.run(key, rid);
};

/** Phones of many customers in one query, grouped by customer id. */
export const phonesByCustomer = (db: Db, ids: readonly string[]): Map<string, DbPhoneRow[]> => groupBy(statements(db).phonesOf.all(jsonList(ids)));

export const tagsByCustomer = (db: Db, ids: readonly string[]): Map<string, DbTagRow[]> => groupBy(statements(db).tagsOf.all(jsonList(ids)));

const groupBy = <R extends { customer_id: string }>(rows: R[]): Map<string, R[]> => {
  const grouped = new Map<string, R[]>();
  for (const row of rows) {
    const list = grouped.get(row.customer_id);
    if (list) list.push(row);
    else grouped.set(row.customer_id, [row]);
  }
  return grouped;
};
