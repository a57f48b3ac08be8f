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

const statements = statementsFor((db) => ({
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
