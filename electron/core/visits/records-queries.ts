import type { Db } from '../db/connection';
import { jsonList, statementsFor } from '../db/statements';

/** Visits, contacts and satisfaction answers of one customer, as a merge moves and a purge deletes them. */
const statements = statementsFor((db) => ({
  counts: db.prepare<{ id: string }, { visits: number; contacts: number; answers: number }>(`
    SELECT
      (SELECT count(*) FROM visits WHERE customer_id = @id AND kind = 'visit') AS visits,
      (SELECT count(*) FROM visits WHERE customer_id = @id AND kind = 'contact') AS contacts,
      (SELECT count(*) FROM satisfaction_answers WHERE customer_id = @id) AS answers`),
  moveVisits: db.prepare<[string, string], string>('UPDATE visits SET customer_id = ? WHERE customer_id = ? RETURNING id').pluck(),
  moveAnswers: db.prepare<[string, string], string>('UPDATE satisfaction_answers SET customer_id = ? WHERE customer_id = ? RETURNING id').pluck(),
  returnVisits: db.prepare<[string, string, string]>(
    'UPDATE visits SET customer_id = ? WHERE customer_id = ? AND id IN (SELECT value FROM json_each(?))',
  ),
  returnAnswers: db.prepare<[string, string, string]>(
    'UPDATE satisfaction_answers SET customer_id = ? WHERE customer_id = ? AND id IN (SELECT value FROM json_each(?))',
  ),
  deleteAnswers: db.prepare<[string]>('DELETE FROM satisfaction_answers WHERE customer_id = ?'),
  deleteVisits: db.prepare<[string]>('DELETE FROM visits WHERE customer_id = ?'),
}));

export const countVisitRecords = (db: Db, customerId: string) => statements(db).counts.get({ id: customerId })!;

export const moveVisitRecords = (db: Db, from: string, to: string): { visits: string[]; answers: string[] } => ({
  visits: statements(db).moveVisits.all(to, from),
  answers: statements(db).moveAnswers.all(to, from),
});

/** Only the rows the merge moved go back; whatever was logged on the survivor since stays there. */
export const returnVisitRecords = (db: Db, from: string, to: string, moved: { visits: readonly string[]; answers: readonly string[] }): void => {
  statements(db).returnVisits.run(to, from, jsonList(moved.visits));
  statements(db).returnAnswers.run(to, from, jsonList(moved.answers));
};

/** Answers first (those tied to a visit would go with it, standalone ones would not), then the visits. */
export const deleteVisitRecords = (db: Db, customerId: string): void => {
  statements(db).deleteAnswers.run(customerId);
  statements(db).deleteVisits.run(customerId);
};
