import type { CustomerFields } from '../../../shared/contract/customers';
import { nameGrams } from '../../../shared/search';
import { foldForSearch } from '../../../shared/text';
import type { Db } from '../db/connection';
import { highestCustomerRid, indexCustomersAfter, insertNewGram, insertNewPhone, insertNewTag, searchIndexTriggers } from './bulk-queries';
import { insertCustomer, type PhoneWrite } from './queries';
import { toCustomerWrite } from './write';

/**
 * Adding many customers at once (an import). Keeping the full-text index in step row by row costs
 * ten times what indexing the new rows in one statement does, so while `work` inserts, the
 * search triggers are set aside and put back exactly as the book had them (their SQL is read from
 * the book), and the new customers are indexed together at the end.
 *
 * Must run inside the caller's write transaction: if anything fails, the rollback restores the
 * triggers with everything else. `work` may only add customers (and their phones and tags).
 */
export const withSearchIndexDeferred = <T>(db: Db, work: () => T): T => {
  if (!db.inTransaction) throw new Error('withSearchIndexDeferred needs a transaction');
  const triggers = searchIndexTriggers(db);
  const lastRid = highestCustomerRid(db);
  for (const trigger of triggers) db.exec(`DROP TRIGGER "${trigger.name.replace(/"/g, '""')}"`);
  const result = work();
  indexCustomersAfter(db, lastRid);
  for (const trigger of triggers) db.exec(trigger.sql);
  return result;
};

/** One label per key ("VIP" and "ｖｉｐ" are one tag), as the form stores them. */
const uniqueLabels = (values: readonly string[]): { value: string; key: string }[] => {
  const labels = new Map<string, string>();
  for (const value of values) {
    const key = foldForSearch(value);
    if (!labels.has(key)) labels.set(key, value);
  }
  return [...labels].map(([key, value]) => ({ key, value }));
};

/** Inserts a customer known to be new, with phones already normalised; answers its row id. */
export const insertNewCustomer = (db: Db, id: string, fields: CustomerFields, phones: readonly PhoneWrite[], createdAt: string, updatedAt: string): number => {
  const rid = insertCustomer(db, toCustomerWrite(id, fields, createdAt, updatedAt));
  phones.forEach((phone, position) => insertNewPhone(db, id, position, phone));
  let position = 0;
  for (const label of uniqueLabels(fields.tags)) insertNewTag(db, id, 'tag', position++, label.value, label.key);
  for (const label of uniqueLabels(fields.interests)) insertNewTag(db, id, 'interest', position++, label.value, label.key);
  for (const gram of nameGrams(fields.name)) insertNewGram(db, gram, rid);
  return rid;
};
