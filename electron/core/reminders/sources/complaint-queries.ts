import type { Db } from '../../db/connection';
import { jsonList, statementsFor } from '../../db/statements';

export interface DbRunningPromiseRow {
  promise_id: string;
  complaint_id: string;
  customer_id: string | null;
  kind: string;
  due_at: string;
  owner_staff_id: string | null;
}

export interface DbResolvedComplaintRow {
  complaint_id: string;
  customer_id: string | null;
  resolved_at: string;
  owner_staff_id: string | null;
}

// The promise each active complaint is waiting on: the reply until it is answered, then the resolution.
const runningColumns = `p.id AS promise_id, c.id AS complaint_id, c.customer_id, p.kind, p.due_at, c.owner_staff_id`;
const runningPromise = `complaint_promises p ON p.id = CASE WHEN c.replied_at IS NULL THEN c.reply_promise_id ELSE c.resolve_promise_id END`;
// An archived customer has no open reminder (reminders/follow.ts), whatever wrote last: their
// complaints' reminders wait until they are back in the book. Anonymous complaints always have theirs.
const customerInBook = `NOT EXISTS (SELECT 1 FROM customers archived WHERE archived.id = c.customer_id AND archived.archived_at IS NOT NULL)`;
const running = (state: string) => `${state} IN ('open', 'acknowledged') AND ${customerInBook}`;
const resolved = (state: string) => `${state} = 'resolved' AND c.resolved_at IS NOT NULL AND ${customerInBook}`;

// For a few customers (a visit logged, a customer changed) the list of ids drives the query through
// complaints_customer (CROSS JOIN fixes the order, the unary + keeps complaints_state out): left to
// itself the planner reads every complaint in that state, milliseconds on each visit logged on a
// book with 20,000 complaints.
const ofCustomers = `json_each(?) j CROSS JOIN complaints c ON c.customer_id = j.value`;

const statements = statementsFor((db) => ({
  running: db.prepare<[], DbRunningPromiseRow>(`SELECT ${runningColumns} FROM complaints c JOIN ${runningPromise} WHERE ${running('c.state')}`),
  runningOf: db.prepare<[string], DbRunningPromiseRow>(`SELECT ${runningColumns} FROM ${ofCustomers} JOIN ${runningPromise} WHERE ${running('+c.state')}`),
  resolved: db.prepare<[], DbResolvedComplaintRow>(`SELECT c.id AS complaint_id, c.customer_id, c.resolved_at, c.owner_staff_id FROM complaints c WHERE ${resolved('c.state')}`),
  resolvedOf: db.prepare<[string], DbResolvedComplaintRow>(
    `SELECT c.id AS complaint_id, c.customer_id, c.resolved_at, c.owner_staff_id FROM ${ofCustomers} WHERE ${resolved('+c.state')}`,
  ),
}));

/** Every active complaint's running promise, or only those of some customers' complaints. */
export const runningPromiseRows = (db: Db, customerIds: readonly string[] | null): DbRunningPromiseRow[] =>
  customerIds === null ? statements(db).running.all() : statements(db).runningOf.all(jsonList(customerIds));

/** Every resolved complaint waiting for its follow-up, or only those of some customers. */
export const resolvedComplaintRows = (db: Db, customerIds: readonly string[] | null): DbResolvedComplaintRow[] =>
  customerIds === null ? statements(db).resolved.all() : statements(db).resolvedOf.all(jsonList(customerIds));
