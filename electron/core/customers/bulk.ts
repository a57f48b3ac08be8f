import type { CustomerFields } from '../../../shared/contract/customers';
import { nameGrams } from '../../../shared/search';
import { nameSearchKeys } from '../../../shared/search-keys';
import { nameKey } from '../../../shared/text';
import type { Db } from '../db/connection';
import { rowsPerBatch, type RowBatch } from '../db/statements';
import {
  addNewCustomer,
  addNewPhone,
  addNewTag,
  countAllCustomers,
  customerTableIndexes,
  highestCustomerRid,
  indexCustomersAfter,
  newCustomerRows,
  newGramRows,
  newKeyRows,
  newPhoneRows,
  newTagRows,
  triggersSetAside,
} from './bulk-queries';
import type { PhoneWrite } from './queries';
import { labelsFor, toCustomerWrite } from './write';

/** A batch this large, against this few customers already in the book, rebuilds indexes faster than it updates them. */
const rebuildIndexesFrom = (adding: number, existing: number): boolean => adding >= 5000 && adding >= existing / 2;

/**
 * Index entries (a gram or spelled key, a customer's row id) gathered as numbers: each distinct
 * value once, each entry its value's number and the row id. Sorting a million numbers is a
 * fraction of what sorting a million "value␀rid" strings costs, and writing in the primary key's
 * order (value, then row id) appends to the table instead of splitting its pages.
 */
class IndexEntries {
  private readonly valueIds = new Map<string, number>();
  private readonly values: string[] = [];
  private readonly valueOf: number[] = [];
  private readonly rids: number[] = [];

  /** The number standing for a value, the same each time it is asked. */
  idOf(value: string): number {
    let id = this.valueIds.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.valueIds.set(value, id);
      this.values.push(value);
    }
    return id;
  }

  add(valueId: number, rid: number): void {
    this.valueOf.push(valueId);
    this.rids.push(rid);
  }

  /** Adds every entry to `rows` in (value, row id) order, each as its value and row id. */
  addSortedTo(rows: RowBatch): void {
    const order = this.values.map((_, id) => id).sort((a, b) => ((this.values[a] as string) < (this.values[b] as string) ? -1 : 1));
    const rank = new Float64Array(this.values.length);
    order.forEach((id, position) => (rank[id] = position));
    let span = 1;
    for (const rid of this.rids) if (rid >= span) span = rid + 1;
    // rank × span + rid stays an exact integer in a double far beyond any book's size.
    const codes = new Float64Array(this.rids.length);
    for (let index = 0; index < codes.length; index += 1) codes[index] = (rank[this.valueOf[index] as number] as number) * span + (this.rids[index] as number);
    codes.sort();
    for (const code of codes) rows.add(this.values[order[Math.floor(code / span)] as number] as string, code % span);
    rows.write(true);
  }
}

/** Many customers share a name: its key, grams and spelled keys are worked out once, the last two kept as their entries' numbers. */
interface NameParts {
  nameKey: string;
  grams: number[];
  keys: number[];
}

const quoted = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Adds many customers at once (an import), as the form would store them, in a fraction of the
 * time row-by-row upkeep of the indexes takes:
 * - the full-text search triggers are set aside and the new customers indexed in one statement (and
 *   the month figures' trigger for a first visit, which a customer added here does not have yet);
 * - for a large batch the customer tables' own indexes are dropped, and built again by restoreIndexes() once
 *   the caller's last write to the new customers is done;
 * - name grams and spelled keys are written in key order, many to a statement.
 * Dropped triggers and indexes are recreated from the SQL the book itself holds, so whatever a
 * later migration made of them is what comes back. Must run inside the caller's write
 * transaction (finish() and restoreIndexes() too): on any failure the rollback restores all of it. Only adds new customers.
 */
export class BulkCustomerWriter {
  private readonly triggers: { name: string; sql: string }[];
  private readonly indexes: { name: string; sql: string }[];
  /** How many customers the book held before this batch, archived ones included. */
  readonly customersBefore: number;
  private readonly lastRid: number;
  private nextRid: number;
  private readonly grams = new IndexEntries();
  private readonly keys = new IndexEntries();
  private readonly nameParts = new Map<string, NameParts>();
  private readonly customerRows: RowBatch;
  private readonly phoneRows: RowBatch;
  private readonly tagRows: RowBatch;

  constructor(
    private readonly db: Db,
    expectedRows: number,
  ) {
    if (!db.inTransaction) throw new Error('BulkCustomerWriter needs a transaction');
    this.triggers = triggersSetAside(db);
    this.customersBefore = countAllCustomers(db);
    this.indexes = rebuildIndexesFrom(expectedRows, this.customersBefore) ? customerTableIndexes(db) : [];
    this.lastRid = highestCustomerRid(db);
    this.nextRid = this.lastRid + 1;
    this.customerRows = newCustomerRows(db);
    this.phoneRows = newPhoneRows(db);
    this.tagRows = newTagRows(db);
    for (const trigger of this.triggers) db.exec(`DROP TRIGGER ${quoted(trigger.name)}`);
    for (const index of this.indexes) db.exec(`DROP INDEX ${quoted(index.name)}`);
  }

  /**
   * Returns the new customer's row id. The row is written with the next hundred (writePending()
   * writes it at once, for a caller whose next rows point at it).
   */
  add(id: string, fields: CustomerFields, phones: readonly PhoneWrite[], createdAt: string, updatedAt: string): number {
    const rid = this.nextRid++;
    const name = this.partsOfName(fields.name);
    // The row itself needs only the phones and labels; the grams and keys go in with finish().
    const parts = { phones: [...phones], labels: labelsFor(fields), grams: [], keys: [] };
    addNewCustomer(this.customerRows, rid, toCustomerWrite(id, fields, parts, createdAt, updatedAt, name.nameKey));
    parts.phones.forEach((phone, position) => addNewPhone(this.phoneRows, id, position, phone));
    parts.labels.forEach((label, position) => addNewTag(this.tagRows, id, label.kind, position, label.value, label.key));
    if (this.customerRows.pendingRows === rowsPerBatch) this.writeRows(false);
    for (const gram of name.grams) this.grams.add(gram, rid);
    for (const key of name.keys) this.keys.add(key, rid);
    return rid;
  }

  private partsOfName(name: string): NameParts {
    let parts = this.nameParts.get(name);
    if (parts === undefined) {
      parts = { nameKey: nameKey(name), grams: nameGrams(name).map((gram) => this.grams.idOf(gram)), keys: nameSearchKeys(name).map((key) => this.keys.idOf(key)) };
      this.nameParts.set(name, parts);
    }
    return parts;
  }

  /** Writes the customers added so far, with their phones and tags. */
  writePending(): void {
    this.writeRows(true);
  }

  /** The customers waiting in their batch first: their phones and tags point at them. */
  private writeRows(all: boolean): void {
    this.customerRows.write(all);
    this.phoneRows.write(all);
    this.tagRows.write(all);
  }

  /** The rows still waiting, the grams and keys, the new customers' search rows and the triggers set aside: the book searches them again. */
  finish(): void {
    this.writeRows(true);
    this.grams.addSortedTo(newGramRows(this.db));
    this.keys.addSortedTo(newKeyRows(this.db));
    indexCustomersAfter(this.db, this.lastRid);
    for (const trigger of this.triggers) this.db.exec(trigger.sql);
  }

  /**
   * The customer tables' indexes a large batch set aside, built again. Called last, after the
   * derived pass: that pass writes every new customer's figures once more, and an index built
   * after it is built once instead of being kept up to date row by row.
   */
  restoreIndexes(): void {
    for (const index of this.indexes) this.db.exec(index.sql);
  }
}
