import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';

/**
 * The values entered while apart, as the sync's projection keeps them (sync_conflicts, migration
 * 021: one row per field, its cells as JSON, the shown one first), read and cleared per record.
 */
export interface DbConflictRow {
  tbl: string;
  row_key: string;
  col: string;
  values_json: string;
}

const statements = statementsFor((db) => ({
  ofRecord: db.prepare<[string, string], DbConflictRow>('SELECT tbl, row_key, col, values_json FROM sync_conflicts WHERE tbl = ? AND row_key = ? ORDER BY col'),
  ofTable: db.prepare<[string], DbConflictRow>('SELECT tbl, row_key, col, values_json FROM sync_conflicts WHERE tbl = ? ORDER BY row_key, col'),
  one: db.prepare<[string, string, string], string>('SELECT values_json FROM sync_conflicts WHERE tbl = ? AND row_key = ? AND col = ?').pluck(),
  clear: db.prepare<[string, string, string]>('DELETE FROM sync_conflicts WHERE tbl = ? AND row_key = ? AND col = ?'),
}));

export const conflictsOfRecord = (db: Db, table: string, rowKey: string): DbConflictRow[] => statements(db).ofRecord.all(table, rowKey);
export const conflictsOfTable = (db: Db, table: string): DbConflictRow[] => statements(db).ofTable.all(table);
export const conflictCells = (db: Db, table: string, rowKey: string, column: string): string | null => statements(db).one.get(table, rowKey, column) ?? null;
export const clearConflictRow = (db: Db, table: string, rowKey: string, column: string): void => void statements(db).clear.run(table, rowKey, column);
