import type { CustomerFields } from '../../../shared/contract/customers';
import { nameGrams } from '../../../shared/search';
import { nameSearchKeys } from '../../../shared/search-keys';
import type { Db } from '../db/connection';
import {
  countAllCustomers,
  customerTableIndexes,
  highestCustomerRid,
  indexCustomersAfter,
  insertNewCustomer,
  insertNewGram,
  insertNewKey,
  insertNewPhone,
  insertNewTag,
  searchIndexTriggers,
} from './bulk-queries';
import type { PhoneWrite } from './queries';
import { labelsFor, toCustomerWrite } from './write';

/** A batch this large, against this few customers already in the book, rebuilds indexes faster than it updates them. */
const rebuildIndexesFrom = (adding: number, existing: number): boolean => adding >= 5000 && adding >= existing / 2;

/** Sorts "value␀rid" entries and writes each, in its index's order. */
const writeSorted = (entries: string[], write: (value: string, rid: number) => void): void => {
  entries.sort();
  for (const entry of entries) {
    const split = entry.lastIndexOf('\u0000');
    write(entry.slice(0, split), Number(entry.slice(split + 1)));
  }
};

const quoted = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Adds many customers at once (an import), as the form would store them, in a fraction of the
 * time row-by-row upkeep of the indexes takes:
 * - the full-text search triggers are set aside and the new customers indexed in one statement;
 * - for a large batch the customer tables' own indexes are dropped and built again at the end;
 * - name grams and spelled keys are written in key order.
 * Dropped triggers and indexes are recreated from the SQL the book itself holds, so whatever a
 * later migration made of them is what comes back. Must run inside the caller's write
 * transaction: on any failure the rollback restores all of it. Only adds new customers.
 */
export class BulkCustomerWriter {
  private readonly triggers: { name: string; sql: string }[];
  private readonly indexes: { name: string; sql: string }[];
  private readonly lastRid: number;
  private nextRid: number;
  /** "gram␀rid", so one native string sort puts them in the grams index's order. */
  private readonly grams: string[] = [];
  /** "key␀rid", likewise for the spelled keys' index. */
  private readonly keys: string[] = [];

  constructor(
    private readonly db: Db,
    expectedRows: number,
  ) {
    if (!db.inTransaction) throw new Error('BulkCustomerWriter needs a transaction');
    this.triggers = searchIndexTriggers(db);
    this.indexes = rebuildIndexesFrom(expectedRows, countAllCustomers(db)) ? customerTableIndexes(db) : [];
    this.lastRid = highestCustomerRid(db);
    this.nextRid = this.lastRid + 1;
    for (const trigger of this.triggers) db.exec(`DROP TRIGGER ${quoted(trigger.name)}`);
    for (const index of this.indexes) db.exec(`DROP INDEX ${quoted(index.name)}`);
  }

  /** Returns the new customer's row id. */
  add(id: string, fields: CustomerFields, phones: readonly PhoneWrite[], createdAt: string, updatedAt: string): number {
    const rid = this.nextRid++;
    const parts = { phones: [...phones], labels: labelsFor(fields), grams: nameGrams(fields.name), keys: nameSearchKeys(fields.name) };
    insertNewCustomer(this.db, rid, toCustomerWrite(id, fields, parts, createdAt, updatedAt));
    parts.phones.forEach((phone, position) => insertNewPhone(this.db, id, position, phone));
    parts.labels.forEach((label, position) => insertNewTag(this.db, id, label.kind, position, label.value, label.key));
    for (const gram of parts.grams) this.grams.push(`${gram}\u0000${rid}`);
    for (const key of parts.keys) this.keys.push(`${key}\u0000${rid}`);
    return rid;
  }

  finish(): void {
    writeSorted(this.grams, (gram, rid) => insertNewGram(this.db, gram, rid));
    writeSorted(this.keys, (key, rid) => insertNewKey(this.db, key, rid));
    for (const index of this.indexes) this.db.exec(index.sql);
    indexCustomersAfter(this.db, this.lastRid);
    for (const trigger of this.triggers) this.db.exec(trigger.sql);
  }
}
