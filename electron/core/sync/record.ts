import { bucketOf, cellKey, decodeCell, deletedColumn, encodeCell, followedColumn, lastContentColumn, mergedIntoColumn, parseCellKey, purgedColumn, type CellScalar } from '../../../shared/sync/cells';
import type { Db } from '../db/connection';
import { replicatedTable, type ReplicatedTable } from '../db/replicated';
import type { AutomergeApi } from './automerge';
import { sameHeads, type Documents } from './documents';
import { bucketHeads, clearConflict, clearOutbox, mergedAs, mergedInto, outboxRows, readRecord, setProjectedHeads, type MergedAs } from './queries';

const customersTable = replicatedTable('customers')!;

/** A customer's record or list as a merge's snapshot holds them (every column, as SQLite stores it). */
const cellsAsMerged = (table: ReplicatedTable, merged: MergedAs): [string, CellScalar][] => {
  if (table.list === undefined) return table.cells.map((column) => [column, merged.row[column] ?? null]);
  const rows = table.name === 'customer_phones' ? merged.phones : merged.tags;
  return [['rows', JSON.stringify(rows.map((row) => table.cells.map((column) => row[column] ?? null)))]];
};

/**
 * The cells a record is now: its columns, its list, or the mark that it was deleted — for a
 * customer, with how: merged into a customer (a merge standing here took them), or else deleted for
 * good (a customer leaves a book only by a merge or a purge, and a purge takes the merges naming
 * them along).
 */
const cellsNow = (db: Db, table: ReplicatedTable, rowKey: string): [string, CellScalar][] => {
  const record = readRecord(db, table, rowKey);
  // Merged away here: as the merge took them, so what was edited here before the merge is sent
  // (the documents keep it for an undo, which gives the customer back as the documents hold them).
  const ofCustomer = table.name === 'customers' || table.list !== undefined;
  const merged = ofCustomer && readRecord(db, customersTable, rowKey) === null ? mergedAs(db, rowKey) : null;
  if (merged !== null && table.list !== undefined) return cellsAsMerged(table, merged);
  if (Array.isArray(record)) return [['rows', JSON.stringify(record)]];
  if (record === null && table.list !== undefined) return [['rows', '[]']];
  if (record === null && table.name === 'customers') {
    const survivor = mergedInto(db, rowKey);
    return [[deletedColumn, true], survivor === null ? [purgedColumn, true] : [mergedIntoColumn, survivor], ...(merged === null ? [] : cellsAsMerged(table, merged))];
  }
  if (record === null) return [[deletedColumn, true]];
  // A record back after being deleted (a merge undone) must stop being deleted on the other devices too.
  return [...Object.entries(record), [deletedColumn, false]];
};

/** The record's cells before this device's writes since the last sync (the capture trigger's note); none for a new record. */
const cellsBefore = (table: ReplicatedTable, baseJson: string | null): Map<string, CellScalar> => {
  if (baseJson === null) return new Map();
  const base = JSON.parse(baseJson) as Record<string, CellScalar> | CellScalar[][];
  return Array.isArray(base) ? new Map([['rows', JSON.stringify(base)]]) : new Map(Object.entries(base).filter(([column]) => table.cells.includes(column)));
};

/**
 * The customer a record was logged for, where a merge standing in this book is all that moved it
 * to `now` (the survivor, through one merge or a chain of them); null where it was not moved so.
 */
const loggedFor = (db: Db, table: ReplicatedTable, column: string, before: CellScalar | undefined, now: CellScalar): string | null => {
  if (!(table.customerColumns ?? []).includes(column) || typeof before !== 'string' || typeof now !== 'string' || before === now) return null;
  let id = before;
  for (let hops = 0; hops < 32; hops += 1) {
    const survivor = mergedInto(db, id);
    if (survivor === null) return null;
    if (survivor === now) return before;
    id = survivor;
  }
  return null;
};

/**
 * Customers a merge's undo brought back here (the owner's, or a sync's when the survivor was deleted
 * for good elsewhere), who were merged away at the last sync: noted as new records, yet deleted in
 * the documents. Their fields and lists there are what people made of them — edits made apart while
 * the merge stood included — and the undo's snapshot, of the day of the merge, must not overwrite
 * them: what is sent is what changed here since the undo (as if the snapshot were the record before
 * this device's writes), and the projection writes the rest back here from the documents.
 */
const backByUndo = (db: Db, documents: Documents, rows: readonly { tbl: string; row_key: string; base_json: string | null }[]): Map<string, MergedAs> =>
  new Map(
    rows
      .filter((row) => row.tbl === 'customers' && row.base_json === null && readRecord(db, customersTable, row.row_key) !== null)
      .filter((row) => documents.get(bucketOf('customers', row.row_key))[cellKey('customers', row.row_key, deletedColumn)] !== undefined)
      .flatMap((row) => {
        const undone = mergedAs(db, row.row_key, true);
        return undone === null ? [] : [[row.row_key, undone] as const];
      }),
  );

/** What this device recorded of its own in one sync. */
export interface RecordsSent {
  tables: Set<string>;
  customers: Set<string>;
}

/**
 * Records this device's writes since the last time into the shared documents: for each record the
 * capture triggers noted, the cells this device changed are set, as this device and by the staff
 * member who last wrote the record. Runs in the caller's write transaction, so no write slips
 * between reading a record and clearing its note; the documents are on disk before the notes are cleared (a crash between the
 * two records nothing twice: the cells then already hold those values). Answers how many cells;
 * `sent` collects the tables whose records it sent, and the customers among them.
 */
export const recordLocalChanges = (db: Db, automerge: AutomergeApi, documents: Documents, deviceId: string, now: Date, sent?: RecordsSent): number => {
  const byBucket = new Map<number, [string, string][]>();
  const at = now.toISOString();
  const rows = outboxRows(db);
  const back = backByUndo(db, documents, rows);
  for (const { tbl, row_key: rowKey, base_json: baseJson, staff_id: staff, resolved_json: resolvedJson } of rows) {
    const table = replicatedTable(tbl);
    if (table === undefined) continue;
    const undoneTo = table.name === 'customers' || table.list !== undefined ? back.get(rowKey) : undefined;
    const bucket = bucketOf(table.name, rowKey);
    const doc = documents.get(bucket);
    const sets = byBucket.get(bucket) ?? [];
    const before = undoneTo === undefined ? cellsBefore(table, baseJson) : new Map(cellsAsMerged(table, undoneTo));
    const resolved = resolvedJson === null ? [] : (JSON.parse(resolvedJson) as string[]);
    const current = cellsNow(db, table, rowKey);
    const deletedNow = table.list === undefined && current[0]![0] === deletedColumn;
    // A customer deleted for good keeps no content: nothing may write them again.
    if (deletedNow && !current.some(([column]) => column === purgedColumn) && before.size > 0 && table.cells.some((column) => doc[cellKey(table.name, rowKey, column)] === undefined)) {
      current.push([lastContentColumn, JSON.stringify(Object.fromEntries(before))]);
    }
    // A merge standing here that a purge of its survivor took along: the customer it had absorbed
    // is erased with the survivor, so no device takes the merge for one the purge never saw.
    const absorbed = before.get('absorbed_id');
    if (table.name === 'customer_merges' && deletedNow && typeof absorbed === 'string' && before.get('undone_at') === null && readRecord(db, customersTable, absorbed) === null) {
      const theirs = bucketOf(customersTable.name, absorbed);
      const into = theirs === bucket ? sets : (byBucket.get(theirs) ?? []);
      into.push([cellKey(customersTable.name, absorbed, purgedColumn), encodeCell({ value: true, device: deviceId, at, staff })]);
      byBucket.set(theirs, into);
    }
    for (const [column, value] of current) {
      const key = cellKey(table.name, rowKey, column);
      const stored = doc[key];
      // Back by an undo: no longer deleted, and what changed here since; the rest is the documents'.
      // A field they lack is theirs too where the merge left the record's content (`$last`, a record
      // from before sharing): restated here, it stood beside an edit made apart as a value of its own.
      if (undoneTo !== undefined) {
        const lacking = stored === undefined && doc[cellKey(table.name, rowKey, lastContentColumn)] === undefined;
        const sinceUndo = column === deletedColumn || before.get(column) !== value || lacking;
        if (sinceUndo && (stored === undefined || decodeCell(String(stored))?.value !== value)) sets.push([key, encodeCell({ value, device: deviceId, at, staff })]);
        continue;
      }
      // A fact a merge moved to the survivor (here, or on another device whose merge reached this
      // one) still names the customer it was logged for in the documents: every device follows the
      // merge when it writes the record, and when the merge is undone — on any device, before or
      // after the fact arrived — the fact goes back to that customer everywhere. Sent as moved, the
      // survivor's name was a later value no undo took back: a visit logged apart for the absorbed
      // customer stayed with the survivor on every device.
      // Moved back where the documents say it was logged (a merge undone here) is the same move the other way.
      const logged = loggedFor(db, table, column, before.get(column), value);
      const backWhereLogged = baseJson !== null && before.get(column) !== value && stored !== undefined && decodeCell(String(stored))?.value === value;
      if (logged !== null || (backWhereLogged && (table.customerColumns ?? []).includes(column))) {
        // A record from before sharing has no cells yet: where the merge moved it is written as where it was logged, for the undo to find.
        if (stored === undefined && logged !== null) sets.push([key, encodeCell({ value: logged, device: deviceId, at, staff })]);
        // Every device writes the record again and finds where it belongs now: a device that dropped
        // it (its customer deleted for good there while this merge was made here) keeps it too.
        sets.push([cellKey(table.name, rowKey, followedColumn), encodeCell({ value, device: deviceId, at, staff })]);
        continue;
      }
      // The owner's pick of one of two values is sent even as the value the book shows: it settles both.
      const picked = resolved.includes(column);
      // The documents' own winner already says so — unless other values stand beside it: then this
      // write is a decision made after them all (a reminder reopened where one device's "open" and
      // another's "dismissed" were both kept, the rule showing "dismissed"), and must be sent to settle them.
      const alone = () => Object.keys(automerge.getConflicts(doc, key) ?? {}).length <= 1;
      if (!picked && stored !== undefined && decodeCell(String(stored))?.value === value && alone()) continue;
      // Only what this device changed is sent: a field as it was before these writes is not restated,
      // even where the documents hold another value this book does not show yet (a book put back by a
      // restore, a record waiting for another device's changes) — restating it would undo theirs.
      const unchanged = baseJson !== null && (column === deletedColumn ? false : before.get(column)) === value;
      if (unchanged && !picked) continue;
      sets.push([key, encodeCell({ value, device: deviceId, at, staff })]);
    }
    byBucket.set(bucket, sets);
    if (sets.length > 0) {
      sent?.tables.add(table.name);
      if (table.name === 'customers') sent?.customers.add(rowKey);
    }
  }
  let cells = 0;
  for (const [bucket, sets] of byBucket) {
    if (sets.length === 0) continue;
    const before = documents.get(bucket);
    const changed = automerge.change(before, { time: Math.floor(now.getTime() / 1000) }, (doc) => {
      for (const [key, text] of sets) doc[key] = new automerge.ImmutableString(text);
    });
    documents.set(bucket, changed);
    // The book already holds what this device just recorded: where it had projected everything
    // before, it has projected this too, so the next sync writes only what other devices sent.
    // Setting a field supersedes the values entered apart that it had: they are settled here too.
    if (sameHeads(automerge.getHeads(before), bucketHeads(db, bucket).projected)) setProjectedHeads(db, bucket, automerge.getHeads(changed));
    for (const [key] of sets) {
      const address = parseCellKey(key);
      if (address !== null) clearConflict(db, address.table, address.rowKey, address.column);
    }
    cells += sets.length;
  }
  documents.save();
  clearOutbox(db);
  return cells;
};
