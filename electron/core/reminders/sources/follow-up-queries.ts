import type { Db } from '../../db/connection';
import { jsonList, statementsFor } from '../../db/statements';

export interface DbFollowUpVisitRow {
  visit_id: string;
  customer_id: string;
  occurred_at: string;
  amount_minor: number | null;
  first_visit: number;
  staff_id: string | null;
  /** 1 when an open follow-up already exists for the visit. */
  open: number;
}

const columns = `v.id AS visit_id, v.customer_id, v.occurred_at, v.amount_minor, (v.occurred_at = c.first_visit_at) AS first_visit,
  CASE WHEN c.owner_staff_id IS NULL THEN v.staff_id END AS staff_id`;

/** The visit qualifies: a first visit (when the shop follows those up) or a purchase of at least the set amount. */
const qualifies = `v.kind = 'visit' AND v.archived_at IS NULL AND c.archived_at IS NULL AND c.lost_at IS NULL
  AND ((@first_visit = 1 AND v.occurred_at = c.first_visit_at) OR (@min_amount IS NOT NULL AND v.amount_minor >= @min_amount))`;

interface Params {
  since: string;
  first_visit: number;
  min_amount: number | null;
}

const statements = statementsFor((db) => ({
  all: db.prepare<Params, DbFollowUpVisitRow>(`
    SELECT ${columns}, 0 AS open FROM visits v JOIN customers c ON c.id = v.customer_id
    WHERE v.occurred_at >= @since AND ${qualifies}
    UNION ALL
    SELECT ${columns}, 1 AS open FROM reminders r JOIN visits v ON v.id = r.reason_key JOIN customers c ON c.id = v.customer_id
    WHERE r.kind = 'follow_up' AND r.status = 'open' AND ${qualifies}`),
  forCustomers: db.prepare<Params & { ids: string }, DbFollowUpVisitRow>(`
    SELECT ${columns}, 0 AS open FROM visits v JOIN customers c ON c.id = v.customer_id
    WHERE v.customer_id IN (SELECT value FROM json_each(@ids)) AND v.occurred_at >= @since AND ${qualifies}
    UNION ALL
    SELECT ${columns}, 1 AS open FROM reminders r JOIN visits v ON v.id = r.reason_key JOIN customers c ON c.id = v.customer_id
    WHERE r.customer_id IN (SELECT value FROM json_each(@ids)) AND r.kind = 'follow_up' AND r.status = 'open' AND ${qualifies}`),
}));

/** Qualifying visits since `since` (a UTC instant), and older qualifying visits whose follow-up is still open. */
export const followUpVisitRows = (db: Db, params: Params, customerIds: readonly string[] | null): DbFollowUpVisitRow[] =>
  customerIds === null ? statements(db).all.all(params) : statements(db).forCustomers.all({ ...params, ids: jsonList(customerIds) });
