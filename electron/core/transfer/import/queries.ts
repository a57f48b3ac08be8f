import type { Db } from '../../db/connection';
import { statementsFor } from '../../db/statements';

export interface DbIndexCustomer {
  id: string;
  name: string;
  name_key: string;
  email_key: string;
}

export interface DbIndexPhone {
  customer_id: string;
  match_key: string;
  national_reversed: string;
}

export interface DbVisitKey {
  customer_id: string;
  occurred_at: string;
  amount_minor: number | null;
}

/** A committed import, as its undo needs it (table import_runs, migration 017). */
export interface DbImportRun {
  id: string;
  file_name: string;
  committed_at: string;
  customer_ids: string;
  visit_ids: string;
  histories: number;
  undone_at: string | null;
}

const statements = statementsFor((db) => ({
  insertRun: db.prepare<Omit<DbImportRun, 'undone_at'>>(`
    INSERT INTO import_runs (id, file_name, committed_at, customer_ids, visit_ids, histories)
    VALUES (@id, @file_name, @committed_at, @customer_ids, @visit_ids, @histories)`),
  recentRuns: db.prepare<[number], DbImportRun>('SELECT * FROM import_runs ORDER BY committed_at DESC, id DESC LIMIT ?'),
  run: db.prepare<[string], DbImportRun>('SELECT * FROM import_runs WHERE id = ?'),
  markUndone: db.prepare<[string, string]>('UPDATE import_runs SET undone_at = ? WHERE id = ?'),
  // A customer the import created counts as changed once it was edited, had a visit or contact
  // logged by hand, or is gone (merged into another, deleted): undoing would lose that work.
  changed: db.prepare<{ ids: string; at: string }, { id: string; name: string | null }>(`
    SELECT j.value AS id, c.name AS name FROM json_each(@ids) AS j LEFT JOIN customers c ON c.id = j.value
    WHERE c.id IS NULL OR c.updated_at > @at OR EXISTS (SELECT 1 FROM visits v WHERE v.customer_id = j.value AND v.created_at > @at)`),
  deleteVisits: db.prepare<[string], string>('DELETE FROM visits WHERE id IN (SELECT value FROM json_each(?)) RETURNING customer_id').pluck(),
  customers: db.prepare<[], DbIndexCustomer>('SELECT id, name, name_key, email_key FROM customers'),
  phones: db.prepare<[], DbIndexPhone>('SELECT customer_id, match_key, national_reversed FROM customer_phones'),
  visitKeys: db.prepare<[string], DbVisitKey>(`
    SELECT customer_id, occurred_at, amount_minor FROM visits
    WHERE kind = 'visit' AND customer_id IN (SELECT value FROM json_each(?))`),
  name: db.prepare<[string], string>('SELECT name FROM customers WHERE id = ?').pluck(),
}));

/** Everything the duplicate check compares against, read once per import. */
export const indexCustomers = (db: Db) => statements(db).customers.iterate();
export const indexPhones = (db: Db) => statements(db).phones.iterate();
/** The visits some customers already have, so importing the same file twice does not double them. */
export const visitKeysOf = (db: Db, customerIdsJson: string) => statements(db).visitKeys.iterate(customerIdsJson);

export const customerNameOf = (db: Db, id: string): string => statements(db).name.get(id) ?? '';

export const insertImportRun = (db: Db, run: Omit<DbImportRun, 'undone_at'>): void => {
  statements(db).insertRun.run(run);
};

export const recentImportRuns = (db: Db, limit: number): DbImportRun[] => statements(db).recentRuns.all(limit);
export const importRunRow = (db: Db, id: string): DbImportRun | null => statements(db).run.get(id) ?? null;
export const markImportRunUndone = (db: Db, id: string, at: string): void => {
  statements(db).markUndone.run(at, id);
};
export const changedSinceImport = (db: Db, run: DbImportRun) => statements(db).changed.all({ ids: run.customer_ids, at: run.committed_at });
/** Deletes the visits an import added to customers already in the book; answers whose they were. */
export const deleteImportedVisits = (db: Db, visitIdsJson: string): string[] => statements(db).deleteVisits.all(visitIdsJson);
