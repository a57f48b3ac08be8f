import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';

export interface DbSeedReminderRow {
  id: string;
  kind: string;
  customer_id: string | null;
  agenda_day: string;
  customer_name: string | null;
  /** The customer comes regularly: several visits and a known rhythm. */
  regular: number;
}

const statements = statementsFor((db) => ({
  openBefore: db.prepare<[string], DbSeedReminderRow>(`
    SELECT r.id, r.kind, r.customer_id, r.agenda_day, c.name AS customer_name,
      (c.visit_rhythm_days IS NOT NULL AND c.visit_count >= 3) AS regular
    FROM reminders r LEFT JOIN customers c ON c.id = r.customer_id
    -- In the order they were made (rowid): a reminder's id is made from its reason, so the same seed
    -- still works through them in the same order.
    WHERE r.status = 'open' AND r.agenda_day < ? ORDER BY r.agenda_day, r.rowid`),
  longLapsed: db.prepare<[string], { id: string; lapses_on: string }>(`
    SELECT id, lapses_on FROM customers
    WHERE lapses_on IS NOT NULL AND lapses_on < ? AND archived_at IS NULL AND lost_at IS NULL ORDER BY rid`),
  customerIds: db.prepare<[number], { id: string; owner_staff_id: string | null }>('SELECT id, owner_staff_id FROM customers ORDER BY rid LIMIT ?'),
  visitTimes: db.prepare<[], [string, string, string]>(`
    SELECT customer_id, occurred_at, id FROM visits
    WHERE customer_id IS NOT NULL AND kind = 'visit' AND archived_at IS NULL ORDER BY customer_id, occurred_at`).raw(),
  openCount: db.prepare<[], number>("SELECT count(*) FROM reminders WHERE status = 'open'").pluck(),
}));

/** Open reminders that were due before `day`: the ones a shop would have dealt with by now. */
export const openRemindersBefore = (db: Db, day: string): DbSeedReminderRow[] => statements(db).openBefore.all(day);

/** Customers who lapsed before `day` and are not marked lost. */
export const customersLapsedBefore = (db: Db, day: string) => statements(db).longLapsed.all(day);

export const firstCustomers = (db: Db, count: number) => statements(db).customerIds.all(count);

/** Every customer's visits in time order: customer, time, visit id. */
export const iterateSeedVisitTimes = (db: Db): IterableIterator<[string, string, string]> => statements(db).visitTimes.iterate();

export const countOpenReminders = (db: Db): number => statements(db).openCount.get() ?? 0;
