import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';

export interface DbStatsComplaintRow {
  customer_id: string | null;
  category: string;
  received_at: string;
  replied_at: string | null;
  resolved_at: string | null;
}

const statements = statementsFor((db) => ({
  complaints: db.prepare<[string], DbStatsComplaintRow>(
    'SELECT customer_id, category, received_at, replied_at, resolved_at FROM complaints WHERE received_at >= ? ORDER BY received_at',
  ),
  promises: db.prepare<[string], { settled_at: string; outcome: string }>(
    'SELECT settled_at, outcome FROM complaint_promises WHERE settled_at >= ? AND outcome IS NOT NULL',
  ),
  repeat: db.prepare<[string], { customer_id: string; name: string; complaints: number }>(`
    SELECT c.customer_id, cu.name, count(*) AS complaints FROM complaints c JOIN customers cu ON cu.id = c.customer_id
    WHERE c.received_at >= ? AND c.customer_id IS NOT NULL GROUP BY c.customer_id HAVING count(*) > 1
    ORDER BY complaints DESC, cu.name LIMIT 20`),
  // complaints_received, covering.
  receivedBetween: db.prepare<[string, string], number>('SELECT count(*) FROM complaints WHERE received_at >= ? AND received_at < ?').pluck(),
  // complaint_promises_settled (its partial condition repeated so the planner takes it).
  settledBetween: db.prepare<[string, string], { settled: number; kept: number }>(`
    SELECT count(*) AS settled, coalesce(sum(outcome = 'kept'), 0) AS kept FROM complaint_promises
    WHERE outcome IS NOT NULL AND settled_at >= ? AND settled_at < ?`),
  compensation: db.prepare<[string], { resolved_at: string; compensation_minor: number }>(`
    SELECT resolved_at, compensation_minor FROM complaints
    WHERE resolved_at >= ? AND compensation_minor IS NOT NULL AND state IN ('resolved', 'followed_up', 'closed')`),
}));

export const statsComplaintRows = (db: Db, since: string): DbStatsComplaintRow[] => statements(db).complaints.all(since);

/** Promises settled since the instant: kept when met, broken at their deadline. */
export const settledPromiseRows = (db: Db, since: string) => statements(db).promises.all(since);

/** Complaints received between two instants, and the promises settled between them (how many kept). */
export const complaintsBetween = (db: Db, from: string, to: string): { complaints: number; settled: number; kept: number } => ({
  complaints: statements(db).receivedBetween.get(from, to) ?? 0,
  ...(statements(db).settledBetween.get(from, to) ?? { settled: 0, kept: 0 }),
});

export const repeatComplainerRows = (db: Db, since: string) => statements(db).repeat.all(since);

export const compensationRows = (db: Db, since: string) => statements(db).compensation.all(since);
