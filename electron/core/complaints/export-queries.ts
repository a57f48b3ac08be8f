import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';
import type { DbComplaintRow } from './queries';

/** A complaint as the export writes it: every column, its current promises' deadlines and outcomes instead of their ids, and the names beside the ids. */
export interface DbExportComplaint extends Omit<DbComplaintRow, 'reply_promise_id' | 'resolve_promise_id'> {
  reply_due_at: string;
  reply_outcome: string | null;
  resolve_due_at: string;
  resolve_outcome: string | null;
}

export interface DbExportComplaintPromise {
  id: string;
  complaint_id: string;
  kind: string;
  due_at: string;
  outcome: string | null;
  settled_at: string | null;
  created_at: string;
}

export interface DbExportComplaintTransition {
  id: string;
  complaint_id: string;
  action: string;
  from_state: string | null;
  to_state: string;
  at: string;
  actor_role: string;
  staff_id: string | null;
  note: string;
}

const statements = statementsFor((db) => ({
  complaints: db.prepare<[], DbExportComplaint>(`
    SELECT c.id, c.customer_id, cu.name AS customer_name, c.channel, c.category, c.severity, c.description, c.owner_staff_id, s.name AS owner_staff_name,
      c.state, c.received_at, rp.due_at AS reply_due_at, rp.outcome AS reply_outcome, sp.due_at AS resolve_due_at, sp.outcome AS resolve_outcome,
      c.replied_at, c.resolved_at, c.resolution, c.compensation_kind, c.compensation_minor, c.escalation_status, c.escalation_kind, c.escalation_minor,
      c.escalation_note, c.escalation_requested_at, c.escalation_decided_at, c.escalation_decision_note, c.satisfaction_answer_id, sa.level AS satisfaction_level,
      c.created_at, c.updated_at
    FROM complaints c
    JOIN complaint_promises rp ON rp.id = c.reply_promise_id
    JOIN complaint_promises sp ON sp.id = c.resolve_promise_id
    LEFT JOIN customers cu ON cu.id = c.customer_id
    LEFT JOIN staff s ON s.id = c.owner_staff_id
    LEFT JOIN satisfaction_answers sa ON sa.id = c.satisfaction_answer_id
    ORDER BY c.id`),
  complaintCount: db.prepare<[], number>('SELECT count(*) FROM complaints').pluck(),
  promises: db.prepare<[], DbExportComplaintPromise>('SELECT id, complaint_id, kind, due_at, outcome, settled_at, created_at FROM complaint_promises ORDER BY id'),
  promiseCount: db.prepare<[], number>('SELECT count(*) FROM complaint_promises').pluck(),
  transitions: db.prepare<[], DbExportComplaintTransition>(
    'SELECT id, complaint_id, action, from_state, to_state, at, actor_role, staff_id, note FROM complaint_transitions ORDER BY id',
  ),
  transitionCount: db.prepare<[], number>('SELECT count(*) FROM complaint_transitions').pluck(),
}));

export const exportComplaintRows = (db: Db) => statements(db).complaints.iterate();
export const countComplaintsForExport = (db: Db): number => statements(db).complaintCount.get() ?? 0;
export const exportComplaintPromiseRows = (db: Db) => statements(db).promises.iterate();
export const countComplaintPromisesForExport = (db: Db): number => statements(db).promiseCount.get() ?? 0;
export const exportComplaintTransitionRows = (db: Db) => statements(db).transitions.iterate();
export const countComplaintTransitionsForExport = (db: Db): number => statements(db).transitionCount.get() ?? 0;
