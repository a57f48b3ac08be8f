import type { Db } from '../../db/connection';
import { jsonList, statementsFor } from '../../db/statements';

export interface DbBirthdayRow {
  id: string;
  birthday_month: number;
  birthday_day: number;
  birthday_year: number | null;
}

const statements = statementsFor((db) => ({
  all: db.prepare<[string], DbBirthdayRow>(`
    SELECT id, birthday_month, birthday_day, birthday_year FROM customers
    WHERE birthday_month IS NOT NULL AND birthday_month * 100 + birthday_day IN (SELECT value FROM json_each(?))
      AND archived_at IS NULL AND lost_at IS NULL`),
  forCustomers: db.prepare<[string, string], DbBirthdayRow>(`
    SELECT id, birthday_month, birthday_day, birthday_year FROM customers
    WHERE id IN (SELECT value FROM json_each(?)) AND birthday_month IS NOT NULL
      AND birthday_month * 100 + birthday_day IN (SELECT value FROM json_each(?))
      AND archived_at IS NULL AND lost_at IS NULL`),
}));

/** Customers still in play whose month-day (month × 100 + day) is one of `monthDays`. */
export const birthdayRows = (db: Db, monthDays: readonly number[], customerIds: readonly string[] | null): DbBirthdayRow[] =>
  customerIds === null ? statements(db).all.all(jsonList(monthDays)) : statements(db).forCustomers.all(jsonList(customerIds), jsonList(monthDays));
