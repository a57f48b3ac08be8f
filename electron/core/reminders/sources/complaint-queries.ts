import type { Db } from '../../db/connection';
import { statementsFor } from '../../db/statements';

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

const statements = statementsFor((db) => ({
  // The promise each active complaint is waiting on: the reply until it is answered, then the resolution.
  running: db.prepare<[], DbRunningPromiseRow>(`
    SELECT p.id AS promise_id, c.id AS complaint_id, c.customer_id, p.kind, p.due_at, c.owner_staff_id
    FROM complaints c JOIN complaint_promises p ON p.id = CASE WHEN c.replied_at IS NULL THEN c.reply_promise_id ELSE c.resolve_promise_id END
    WHERE c.state IN ('open', 'acknowledged')`),
  resolved: db.prepare<[], DbResolvedComplaintRow>(`
    SELECT c.id AS complaint_id, c.customer_id, c.resolved_at, c.owner_staff_id
    FROM complaints c WHERE c.state = 'resolved' AND c.resolved_at IS NOT NULL`),
}));

export const runningPromiseRows = (db: Db): DbRunningPromiseRow[] => statements(db).running.all();

export const resolvedComplaintRows = (db: Db): DbResolvedComplaintRow[] => statements(db).resolved.all();
