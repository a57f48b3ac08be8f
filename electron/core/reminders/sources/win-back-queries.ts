import type { Db } from '../../db/connection';
import { jsonList, statementsFor } from '../../db/statements';

export interface DbLapsedRow {
  id: string;
  lapses_on: string;
  last_activity_at: string;
  visit_rhythm_days: number | null;
}

const columns = `id, lapses_on, max(coalesce(last_visit_at, ''), coalesce(last_contact_at, '')) AS last_activity_at, visit_rhythm_days`;

// Customers still in play who lapse by the horizon: recently (within the window), or whose win-back
// reminder is still open. For the whole book the open ones are read once as a list; for a few
// customers, each one's own reminders (the unary + keeps the planner on reminders_customer).
const inPlay = 'lapses_on IS NOT NULL AND lapses_on <= @horizon AND archived_at IS NULL AND lost_at IS NULL';
const recentOrStillOpen = `(lapses_on >= @window_start OR id IN (SELECT customer_id FROM reminders WHERE kind = 'win_back' AND status = 'open'))`;
const recentOrOwnStillOpen = `(lapses_on >= @window_start
  OR EXISTS (SELECT 1 FROM reminders r WHERE r.customer_id = customers.id AND +r.kind = 'win_back' AND r.status = 'open'))`;

const statements = statementsFor((db) => ({
  all: db.prepare<{ horizon: string; window_start: string }, DbLapsedRow>(`SELECT ${columns} FROM customers WHERE ${inPlay} AND ${recentOrStillOpen}`),
  forCustomers: db.prepare<{ horizon: string; window_start: string; ids: string }, DbLapsedRow>(
    `SELECT ${columns} FROM customers WHERE id IN (SELECT value FROM json_each(@ids)) AND ${inPlay} AND ${recentOrOwnStillOpen}`,
  ),
}));

export const lapsedRows = (db: Db, horizon: string, windowStart: string, customerIds: readonly string[] | null): DbLapsedRow[] =>
  customerIds === null
    ? statements(db).all.all({ horizon, window_start: windowStart })
    : statements(db).forCustomers.all({ horizon, window_start: windowStart, ids: jsonList(customerIds) });
