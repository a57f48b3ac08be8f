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
const inPlay = `v.kind = 'visit' AND v.archived_at IS NULL AND c.archived_at IS NULL AND c.lost_at IS NULL`;
const qualifies = `((@first_visit = 1 AND v.occurred_at = c.first_visit_at) OR (@min_amount IS NOT NULL AND v.amount_minor >= @min_amount))`;

// Three ways in, each from its own index: customers whose first visit is recent (customers_first_visit),
// recent purchases of at least the amount (visits_time), and visits whose follow-up is still open.
const firstVisits = `SELECT ${columns}, 0 AS open FROM customers c JOIN visits v ON v.customer_id = c.id AND v.occurred_at = c.first_visit_at
  WHERE c.first_visit_at >= @since AND ${inPlay}`;
const bigPurchases = `SELECT ${columns}, 0 AS open FROM visits v JOIN customers c ON c.id = v.customer_id
  WHERE v.occurred_at >= @since AND v.amount_minor >= @min_amount AND ${inPlay}`;
const stillOpen = `SELECT ${columns}, 1 AS open FROM reminders r JOIN visits v ON v.id = r.reason_key JOIN customers c ON c.id = v.customer_id
  WHERE r.kind = 'follow_up' AND r.status = 'open' AND ${inPlay} AND ${qualifies}`;
const ofCustomers = 'IN (SELECT value FROM json_each(@ids))';

interface Params {
  since: string;
  first_visit: number;
  min_amount: number | null;
}

const statements = statementsFor((db) => ({
  firstVisits: db.prepare<{ since: string }, DbFollowUpVisitRow>(firstVisits),
  bigPurchases: db.prepare<{ since: string; min_amount: number }, DbFollowUpVisitRow>(bigPurchases),
  stillOpen: db.prepare<Params, DbFollowUpVisitRow>(stillOpen),
  firstVisitsOf: db.prepare<{ since: string; ids: string }, DbFollowUpVisitRow>(`${firstVisits} AND c.id ${ofCustomers}`),
  bigPurchasesOf: db.prepare<{ since: string; min_amount: number; ids: string }, DbFollowUpVisitRow>(`${bigPurchases} AND v.customer_id ${ofCustomers}`),
  // The unary + keeps the planner on the customers' reminders rather than every open follow-up.
  stillOpenOf: db.prepare<Params & { ids: string }, DbFollowUpVisitRow>(stillOpen.replace("r.kind = 'follow_up'", `r.customer_id ${ofCustomers} AND +r.kind = 'follow_up'`)),
}));

/** Qualifying visits since `since` (a UTC instant), and older qualifying visits whose follow-up is still open. */
export const followUpVisitRows = (db: Db, params: Params, customerIds: readonly string[] | null): DbFollowUpVisitRow[] => {
  const s = statements(db);
  const minAmount = params.min_amount;
  if (customerIds === null) {
    return [
      ...s.stillOpen.all(params),
      ...(params.first_visit === 1 ? s.firstVisits.all({ since: params.since }) : []),
      ...(minAmount !== null ? s.bigPurchases.all({ since: params.since, min_amount: minAmount }) : []),
    ];
  }
  const ids = jsonList(customerIds);
  return [
    ...s.stillOpenOf.all({ ...params, ids }),
    ...(params.first_visit === 1 ? s.firstVisitsOf.all({ since: params.since, ids }) : []),
    ...(minAmount !== null ? s.bigPurchasesOf.all({ since: params.since, min_amount: minAmount, ids }) : []),
  ];
};
