import type { Db } from '../db/connection';
import { jsonList, prepareRowBatch, RowBatch, statementsFor } from '../db/statements';

/** One customer's past as another tool summed it up (table imported_histories, migration 011). */
export interface DbImportedHistory {
  id: string;
  customer_id: string;
  import_id: string;
  source_name: string;
  visit_count: number;
  revenue_minor: number;
  first_visit_at: string | null;
  last_visit_at: string | null;
  points: number | null;
  member_level: string | null;
  recorded_at: string;
}

/** Where an imported history sits on the timeline: at the last visit it knew of, else when it was brought. */
const timelineAt = 'coalesce(last_visit_at, recorded_at)';

const statements = statementsFor((db) => ({
  count: db.prepare<[string], number>('SELECT count(*) FROM imported_histories WHERE customer_id = ?').pluck(),
  move: db.prepare<[string, string], string>('UPDATE imported_histories SET customer_id = ? WHERE customer_id = ? RETURNING id').pluck(),
  moveBack: db.prepare<[string, string, string]>('UPDATE imported_histories SET customer_id = ? WHERE customer_id = ? AND id IN (SELECT value FROM json_each(?))'),
  deleteOfCustomer: db.prepare<[string]>('DELETE FROM imported_histories WHERE customer_id = ?'),
  deleteOfImport: db.prepare<[string], string>('DELETE FROM imported_histories WHERE import_id = ? RETURNING customer_id').pluck(),
  timeline: db.prepare<{ id: string; at: string; cursor_id: string; limit: number }, DbImportedHistory & { at: string }>(`
    SELECT *, ${timelineAt} AS at FROM imported_histories
    WHERE customer_id = @id AND (${timelineAt} < @at OR (${timelineAt} = @at AND id < @cursor_id))
    ORDER BY at DESC, id DESC LIMIT @limit`),
}));

// Positional, many to a statement: an import brings one per customer, 100,000 in one file. Prepared
// apart, only by a connection that imports, not by every one that reads a timeline.
const insertStatements = statementsFor((db) =>
  prepareRowBatch(
    db,
    'INSERT INTO imported_histories (id, customer_id, import_id, source_name, visit_count, revenue_minor, first_visit_at, last_visit_at, points, member_level, recorded_at)',
    11,
  ),
);

/** Histories written many to a statement: add each with addImportedHistory, then `write(true)` for the last ones. */
export const newImportedHistoryRows = (db: Db): RowBatch => new RowBatch(insertStatements(db));

export const addImportedHistory = (rows: RowBatch, row: DbImportedHistory): void => {
  rows.add(row.id, row.customer_id, row.import_id, row.source_name, row.visit_count, row.revenue_minor, row.first_visit_at, row.last_visit_at, row.points, row.member_level, row.recorded_at);
};

export const countImportedHistories = (db: Db, customerId: string): number => statements(db).count.get(customerId) ?? 0;

export const moveImportedHistories = (db: Db, from: string, to: string): string[] => statements(db).move.all(to, from);

export const returnImportedHistories = (db: Db, from: string, to: string, ids: readonly string[]): void => {
  statements(db).moveBack.run(to, from, jsonList(ids));
};

export const deleteImportedHistoriesOf = (db: Db, customerId: string): void => {
  statements(db).deleteOfCustomer.run(customerId);
};

/** Removes what one import brought and answers whose history it was. */
export const deleteImportedHistoriesOfImport = (db: Db, importId: string): string[] => statements(db).deleteOfImport.all(importId);

export const importedHistoryTimelineRows = (db: Db, query: { id: string; at: string; cursor_id: string; limit: number }) => statements(db).timeline.all(query);
