import type { Db } from '../db/connection';
import { jsonList, statementsFor } from '../db/statements';
import { listColumns, type DbCustomerListRow } from './rows';

/** How many look-alike candidates a duplicate check reads before comparing names in code. */
const candidateLimit = 2000;

const statements = statementsFor((db) => ({
  /** Same line: the same normalised key, or the same last 8 digits however the number was written. */
  byPhone: db.prepare<[string, string], DbCustomerListRow>(`
    SELECT ${listColumns} FROM customers c WHERE c.id IN (
      SELECT customer_id FROM customer_phones WHERE match_key IN (SELECT value FROM json_each(?))
      UNION
      SELECT p.customer_id FROM json_each(?) s
      JOIN customer_phones p ON p.national_reversed >= s.value AND p.national_reversed < s.value || ':')`),
  // The index on e-mail keys leaves out the empty key; SQLite uses it only when the query says so too
  // (else it reads every customer of the book for each look-up). The caller never asks for the empty key.
  byEmailKey: db.prepare<[string], DbCustomerListRow>(`SELECT ${listColumns} FROM customers c WHERE c.email_key = ? AND c.email_key <> ''`),
  byNameKey: db.prepare<[string], DbCustomerListRow>(`SELECT ${listColumns} FROM customers c WHERE c.name_key = ?`),
  /** Customers sharing all but one of the name's characters, about as long: 王曉明 for 王小明. */
  bySharedCharacters: db.prepare<[string, number, number, number], DbCustomerListRow>(`
    SELECT ${listColumns} FROM customers c
    WHERE c.rid IN (
      SELECT customer_rid FROM customer_name_grams WHERE gram IN (SELECT value FROM json_each(?))
      GROUP BY customer_rid HAVING count(*) >= ?)
      AND length(c.name_key) BETWEEN ? AND ?
    LIMIT ${candidateLimit}`),
  byNameWords: db.prepare<[string], DbCustomerListRow>(`
    SELECT ${listColumns} FROM customers c
    WHERE c.rid IN (SELECT rowid FROM customers_fts WHERE customers_fts MATCH ? ORDER BY rank LIMIT ${candidateLimit})`),
}));

export const customersWithPhone = (db: Db, matchKeys: readonly string[], reversedEndings: readonly string[]) =>
  statements(db).byPhone.all(jsonList(matchKeys), jsonList(reversedEndings));

export const customersWithEmailKey = (db: Db, key: string) => statements(db).byEmailKey.all(key);

export const customersWithNameKey = (db: Db, key: string) => statements(db).byNameKey.all(key);

export const customersSharingCharacters = (db: Db, characters: readonly string[], atLeast: number, minLength: number, maxLength: number) =>
  statements(db).bySharedCharacters.all(jsonList(characters), atLeast, minLength, maxLength);

export const customersMatchingNameWords = (db: Db, ftsQuery: string) => statements(db).byNameWords.all(ftsQuery);
