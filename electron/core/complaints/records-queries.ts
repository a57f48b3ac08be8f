import type { Db } from '../db/connection';
import { jsonList, statementsFor } from '../db/statements';

/** A customer's complaints, as a merge moves them and a purge deletes them (promises and steps go with them). */
const statements = statementsFor((db) => ({
  count: db.prepare<[string], number>('SELECT count(*) FROM complaints WHERE customer_id = ?').pluck(),
  move: db.prepare<[string, string], string>('UPDATE complaints SET customer_id = ? WHERE customer_id = ? RETURNING id').pluck(),
  giveBack: db.prepare<[string, string, string]>('UPDATE complaints SET customer_id = ? WHERE customer_id = ? AND id IN (SELECT value FROM json_each(?))'),
  purge: db.prepare<[string]>('DELETE FROM complaints WHERE customer_id = ?'),
}));

export const countComplaints = (db: Db, customerId: string): number => statements(db).count.get(customerId) ?? 0;

export const moveComplaints = (db: Db, from: string, to: string): string[] => statements(db).move.all(to, from);

/** Only the complaints the merge moved go back; any logged on the survivor since stay there. */
export const returnComplaints = (db: Db, from: string, to: string, ids: readonly string[]): void => {
  statements(db).giveBack.run(to, from, jsonList(ids));
};

export const deleteComplaintsOf = (db: Db, customerId: string): void => {
  statements(db).purge.run(customerId);
};
