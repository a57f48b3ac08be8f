import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';

/** Seeded complaints go straight in, whole, in the seed's one transaction: one prepared insert per table. */
const statements = statementsFor((db) => ({
  complaint: db.prepare(`
    INSERT INTO complaints (id, customer_id, channel, category, severity, description, owner_staff_id, state, received_at, reply_promise_id,
      resolve_promise_id, replied_at, resolved_at, resolution, compensation_kind, compensation_minor, escalation_status, escalation_kind,
      escalation_minor, escalation_note, escalation_requested_at, escalation_decided_at, escalation_decision_note, satisfaction_answer_id, created_at, updated_at)
    VALUES (@id, @customer_id, @channel, @category, @severity, @description, @owner_staff_id, @state, @received_at, @reply_promise_id,
      @resolve_promise_id, @replied_at, @resolved_at, @resolution, @compensation_kind, @compensation_minor, @escalation_status, @escalation_kind,
      @escalation_minor, '', @escalation_requested_at, @escalation_decided_at, '', @satisfaction_answer_id, @received_at, @updated_at)`),
  promise: db.prepare('INSERT INTO complaint_promises (id, complaint_id, kind, due_at, outcome, settled_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
  step: db.prepare(`INSERT INTO complaint_transitions (id, complaint_id, action, from_state, to_state, at, actor_role, staff_id, note)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, '')`),
  answer: db.prepare(`INSERT INTO satisfaction_answers (id, customer_id, level, source, visit_id, answered_at, note, staff_id, created_at)
    VALUES (?, ?, ?, 'complaint', NULL, ?, '', ?, ?)`),
}));

export interface SeedComplaintRow {
  id: string;
  customer_id: string | null;
  channel: string;
  category: string;
  severity: string;
  description: string;
  owner_staff_id: string | null;
  state: string;
  received_at: string;
  reply_promise_id: string;
  resolve_promise_id: string;
  replied_at: string | null;
  resolved_at: string | null;
  resolution: string;
  compensation_kind: string | null;
  compensation_minor: number | null;
  escalation_status: string | null;
  escalation_kind: string | null;
  escalation_minor: number | null;
  escalation_requested_at: string | null;
  escalation_decided_at: string | null;
  satisfaction_answer_id: string | null;
  updated_at: string;
}

export const insertSeedComplaint = (db: Db, row: SeedComplaintRow): void => {
  statements(db).complaint.run(row);
};

export const insertSeedPromise = (db: Db, id: string, complaintId: string, kind: string, dueAt: string, outcome: string | null, settledAt: string | null, createdAt: string): void => {
  statements(db).promise.run(id, complaintId, kind, dueAt, outcome, settledAt, createdAt);
};

export const insertSeedStep = (db: Db, id: string, complaintId: string, action: string, from: string | null, to: string, at: string, role: string, staffId: string | null): void => {
  statements(db).step.run(id, complaintId, action, from, to, at, role, staffId);
};

export const insertSeedAnswer = (db: Db, id: string, customerId: string | null, level: number, at: string, staffId: string | null): void => {
  statements(db).answer.run(id, customerId, level, at, staffId, at);
};
