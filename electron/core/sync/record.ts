import { bucketOf, cellKey, decodeCell, deletedColumn, encodeCell, lastContentColumn, type CellScalar } from '../../../shared/sync/cells';
import type { Db } from '../db/connection';
import { replicatedTable, type ReplicatedTable } from '../db/replicated';
import type { AutomergeApi } from './automerge';
import type { Documents } from './documents';
import { clearOutbox, outboxRows, readRecord } from './queries';

/** The cells a record is now: its columns, its list, or the mark that it was deleted. */
const cellsNow = (db: Db, table: ReplicatedTable, rowKey: string): [string, CellScalar][] => {
  const record = readRecord(db, table, rowKey);
  if (Array.isArray(record)) return [['rows', JSON.stringify(record)]];
  if (record === null) return table.list === undefined ? [[deletedColumn, true]] : [['rows', '[]']];
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
 * Records this device's writes since the last time into the shared documents: for each record the
 * capture triggers noted, the cells whose value differs from the document's are set, as this
 * device. Runs in the caller's write transaction, so no write slips between reading a record and
 * clearing its note; the documents are on disk before the notes are cleared (a crash between the
 * two records nothing twice: the cells then already hold those values). Answers how many cells.
 */
export const recordLocalChanges = (db: Db, automerge: AutomergeApi, documents: Documents, deviceId: string, now: Date): number => {
  const byBucket = new Map<number, [string, string][]>();
  const at = now.toISOString();
  for (const { tbl, row_key: rowKey, base_json: baseJson } of outboxRows(db)) {
    const table = replicatedTable(tbl);
    if (table === undefined) continue;
    const bucket = bucketOf(table.name, rowKey);
    const doc = documents.get(bucket);
    const sets = byBucket.get(bucket) ?? [];
    const before = cellsBefore(table, baseJson);
    const current = cellsNow(db, table, rowKey);
    const deletedNow = table.list === undefined && current.length === 1 && current[0]![0] === deletedColumn;
    if (deletedNow && before.size > 0 && table.cells.some((column) => doc[cellKey(table.name, rowKey, column)] === undefined)) {
      current.push([lastContentColumn, JSON.stringify(Object.fromEntries(before))]);
    }
    for (const [column, value] of current) {
      const key = cellKey(table.name, rowKey, column);
      const stored = doc[key];
      if (stored !== undefined && decodeCell(String(stored))?.value === value) continue;
      // Only what this device changed is sent: a field as it was before these writes is not restated,
      // even where the documents hold another value this book does not show yet (a book put back by a
      // restore, a record waiting for another device's changes) — restating it would undo theirs.
      const unchanged = baseJson !== null && (column === deletedColumn ? false : before.get(column)) === value;
      if (unchanged) continue;
      sets.push([key, encodeCell({ value, device: deviceId, at })]);
    }
    byBucket.set(bucket, sets);
  }
  let cells = 0;
  for (const [bucket, sets] of byBucket) {
    if (sets.length === 0) continue;
    const changed = automerge.change(documents.get(bucket), { time: Math.floor(now.getTime() / 1000) }, (doc) => {
      for (const [key, text] of sets) doc[key] = new automerge.ImmutableString(text);
    });
    documents.set(bucket, changed);
    cells += sets.length;
  }
  documents.save();
  clearOutbox(db);
  return cells;
};
