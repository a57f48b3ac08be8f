import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';
import { searchPhonesOf, type PhoneWrite } from './queries';

export interface DbUnreadPhone {
  customer_id: string;
  position: number;
  display: string;
}

const statements = statementsFor((db) => ({
  unread: db.prepare<[], DbUnreadPhone>('SELECT customer_id, position, display FROM customer_phones WHERE e164 IS NULL'),
  rewrite: db.prepare<[string, string | null, string, string, string, string, number]>(`
    UPDATE customer_phones SET display = ?, e164 = ?, match_key = ?, national_reversed = ?, search_digits = ?
    WHERE customer_id = ? AND position = ?`),
  // The search row follows the phones (customers_fts_update fires on search_phones).
  searchPhones: db.prepare<[string]>(`UPDATE customers SET search_phones = ${searchPhonesOf('customers.id')} WHERE id = ?`),
}));

/** Phones stored without a country: no rule of the shop's country (then) could read them. */
export const phonesWithoutCountry = (db: Db): DbUnreadPhone[] => statements(db).unread.all();

export const rewritePhone = (db: Db, customerId: string, position: number, phone: PhoneWrite): void => {
  statements(db).rewrite.run(phone.display, phone.e164, phone.match_key, phone.national_reversed, phone.search_digits, customerId, position);
};

export const refreshSearchPhones = (db: Db, customerId: string): void => {
  statements(db).searchPhones.run(customerId);
};
