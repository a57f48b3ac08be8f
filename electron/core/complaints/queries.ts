import type { Db } from '../db/connection';
import { jsonList, statementsFor } from '../db/statements';

export interface DbComplaintRow {
  id: string;
  customer_id: string | null;
  customer_name: string | null;
  channel: string;
  category: string;
  severity: string;
  description: string;
  owner_staff_id: string | null;
  owner_staff_name: string | null;
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
  escalation_note: string;
  escalation_requested_at: string | null;
  escalation_decided_at: string | null;
  escalation_decision_note: string;
  satisfaction_answer_id: string | null;
  satisfaction_level: number | null;
  created_at: string;
  updated_at: string;
}

export interface DbPromiseRow {
  id: string;
  complaint_id: string;
  kind: string;
  due_at: string;
  outcome: string | null;
  settled_at: string | null;
  created_at: string;
}

export interface DbTransitionRow {
  id: string;
  complaint_id: string;
  action: string;
  from_state: string | null;
  to_state: string;
  at: string;
  actor_role: string;
  staff_id: string | null;
  staff_name: string | null;
  note: string;
}

export interface NewComplaintRow {
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
  created_at: string;
  updated_at: string;
}

export interface ComplaintUpdate {
  id: string;
  state: string;
  replied_at: string | null;
  resolved_at: string | null;
  resolution: string;
  compensation_kind: string | null;
  compensation_minor: number | null;
  resolve_promise_id: string;
  satisfaction_answer_id: string | null;
  updated_at: string;
}

export interface EscalationUpdate {
  id: string;
  status: string;
  kind: string | null;
  minor: number | null;
  note: string;
  requested_at: string | null;
  decided_at: string | null;
  decision_note: string;
  updated_at: string;
}

const complaintColumns = 'c.*, cu.name AS customer_name, s.name AS owner_staff_name, sa.level AS satisfaction_level';
const complaintJoins = `
  LEFT JOIN customers cu ON cu.id = c.customer_id
  LEFT JOIN staff s ON s.id = c.owner_staff_id
  LEFT JOIN satisfaction_answers sa ON sa.id = c.satisfaction_answer_id`;
const selectComplaint = `SELECT ${complaintColumns} FROM complaints c ${complaintJoins}`;

/** Still the shop's to act on and past a deadline it has not met. */
const overdue = `c.state IN ('open', 'acknowledged') AND (
  (c.replied_at IS NULL AND (SELECT due_at FROM complaint_promises WHERE id = c.reply_promise_id) < @now)
  OR (SELECT due_at FROM complaint_promises WHERE id = c.resolve_promise_id) < @now)`;

const boardFilter = `
  WHERE (@states = '[]' OR c.state IN (SELECT value FROM json_each(@states)))
    AND (@severity IS NULL OR c.severity = @severity)
    AND (@category IS NULL OR c.category = @category)
    AND (@owner IS NULL OR c.owner_staff_id = @owner)
    AND (@customer IS NULL OR c.customer_id = @customer)
    AND (@overdue = 0 OR (${overdue}))
    AND (@query = '' OR instr(lower(c.description), lower(@query)) > 0 OR instr(lower(c.resolution), lower(@query)) > 0
         OR instr(lower(coalesce((SELECT name FROM customers WHERE id = c.customer_id), '')), lower(@query)) > 0)`;

/**
 * The board's order: by state, what is still to act on first; a complaint still to act on by the
 * deadline of the promise it waits on (the reply until that is settled, then the resolution —
 * ComplaintCard's currentPromise), the soonest first; the rest, and ties, the newest first.
 */
const boardOrder = `CASE c.state WHEN 'open' THEN 0 WHEN 'acknowledged' THEN 1 WHEN 'resolved' THEN 2 WHEN 'followed_up' THEN 3 ELSE 4 END,
  CASE WHEN c.state IN ('open', 'acknowledged') THEN coalesce(
    (SELECT due_at FROM complaint_promises WHERE id = c.reply_promise_id AND outcome IS NULL),
    (SELECT due_at FROM complaint_promises WHERE id = c.resolve_promise_id)) END,
  c.received_at DESC, c.id DESC`;

export interface BoardParams {
  states: string;
  severity: string | null;
  category: string | null;
  owner: string | null;
  customer: string | null;
  overdue: number;
  query: string;
  now: string;
}

const statements = statementsFor((db) => ({
  insert: db.prepare<NewComplaintRow>(`
    INSERT INTO complaints (id, customer_id, channel, category, severity, description, owner_staff_id, state, received_at, reply_promise_id, resolve_promise_id, created_at, updated_at)
    VALUES (@id, @customer_id, @channel, @category, @severity, @description, @owner_staff_id, @state, @received_at, @reply_promise_id, @resolve_promise_id, @created_at, @updated_at)`),
  get: db.prepare<[string], DbComplaintRow>(`${selectComplaint} WHERE c.id = ?`),
  // The board's complaints are picked and counted from complaints alone (the customer's name read
  // only when a search asks for it), then the page joined: joining first looked up the customer,
  // staff member and answer of every complaint in the book before sorting (20,000: 40-70 ms each).
  board: db.prepare<BoardParams & { limit: number }, DbComplaintRow>(`
    SELECT ${complaintColumns} FROM (SELECT c.id FROM complaints c ${boardFilter} ORDER BY ${boardOrder} LIMIT @limit) page
    CROSS JOIN complaints c ON c.id = page.id ${complaintJoins}
    ORDER BY ${boardOrder}`),
  boardCounts: db.prepare<BoardParams, { state: string; count: number }>(`SELECT c.state, count(*) AS count FROM complaints c ${boardFilter} GROUP BY c.state`),
  insertPromise: db.prepare<{ id: string; complaint_id: string; kind: string; due_at: string; at: string }>(
    'INSERT INTO complaint_promises (id, complaint_id, kind, due_at, created_at) VALUES (@id, @complaint_id, @kind, @due_at, @at)',
  ),
  promisesOf: db.prepare<[string], DbPromiseRow>('SELECT * FROM complaint_promises WHERE complaint_id = ? ORDER BY created_at, kind'),
  promisesByIds: db.prepare<[string], DbPromiseRow>('SELECT * FROM complaint_promises WHERE id IN (SELECT value FROM json_each(?))'),
  settlePromise: db.prepare<{ id: string; outcome: string; at: string }>(
    'UPDATE complaint_promises SET outcome = @outcome, settled_at = @at WHERE id = @id AND outcome IS NULL',
  ),
  running: db.prepare<[], Pick<DbPromiseRow, 'id' | 'due_at'>>('SELECT id, due_at FROM complaint_promises WHERE outcome IS NULL'),
  // Broken at the deadline itself, whenever it is noticed.
  settleBroken: db.prepare<[string]>("UPDATE complaint_promises SET outcome = 'broken', settled_at = due_at WHERE id = ? AND outcome IS NULL"),
  insertTransition: db.prepare<Omit<DbTransitionRow, 'staff_name'>>(`
    INSERT INTO complaint_transitions (id, complaint_id, action, from_state, to_state, at, actor_role, staff_id, note)
    VALUES (@id, @complaint_id, @action, @from_state, @to_state, @at, @actor_role, @staff_id, @note)`),
  transitionsOf: db.prepare<[string], DbTransitionRow>(`SELECT t.*, s.name AS staff_name FROM complaint_transitions t
    LEFT JOIN staff s ON s.id = t.staff_id WHERE t.complaint_id = ? ORDER BY t.at, t.rowid`),
  update: db.prepare<ComplaintUpdate>(`UPDATE complaints SET state = @state, replied_at = @replied_at, resolved_at = @resolved_at, resolution = @resolution,
        compensation_kind = @compensation_kind, compensation_minor = @compensation_minor, resolve_promise_id = @resolve_promise_id,
        satisfaction_answer_id = @satisfaction_answer_id, updated_at = @updated_at WHERE id = @id`),
  updateEscalation: db.prepare<EscalationUpdate>(`UPDATE complaints SET escalation_status = @status, escalation_kind = @kind, escalation_minor = @minor, escalation_note = @note,
        escalation_requested_at = @requested_at, escalation_decided_at = @decided_at, escalation_decision_note = @decision_note,
        updated_at = @updated_at WHERE id = @id`),
  setDetail: {
    channel: db.prepare<[unknown, string, string]>('UPDATE complaints SET channel = ?, updated_at = ? WHERE id = ?'),
    category: db.prepare<[unknown, string, string]>('UPDATE complaints SET category = ?, updated_at = ? WHERE id = ?'),
    severity: db.prepare<[unknown, string, string]>('UPDATE complaints SET severity = ?, updated_at = ? WHERE id = ?'),
    description: db.prepare<[unknown, string, string]>('UPDATE complaints SET description = ?, updated_at = ? WHERE id = ?'),
    owner_staff_id: db.prepare<[unknown, string, string]>('UPDATE complaints SET owner_staff_id = ?, updated_at = ? WHERE id = ?'),
  },
  insertSatisfaction: db.prepare<{ id: string; customer_id: string | null; level: number; at: string; note: string; staff_id: string | null }>(`
    INSERT INTO satisfaction_answers (id, customer_id, level, source, visit_id, answered_at, note, staff_id, created_at)
    VALUES (@id, @customer_id, @level, 'complaint', NULL, @at, @note, @staff_id, @at)`),
}));

export const insertComplaint = (db: Db, row: NewComplaintRow): void => {
  statements(db).insert.run(row);
};

export const getComplaintRow = (db: Db, id: string): DbComplaintRow | null => statements(db).get.get(id) ?? null;

export const boardRows = (db: Db, params: BoardParams, limit: number): DbComplaintRow[] => statements(db).board.all({ ...params, limit });

export const boardCounts = (db: Db, params: BoardParams): { state: string; count: number }[] => statements(db).boardCounts.all(params);

export const insertPromise = (db: Db, row: { id: string; complaint_id: string; kind: string; due_at: string; at: string }): void => {
  statements(db).insertPromise.run(row);
};

export const promiseRowsOf = (db: Db, complaintId: string): DbPromiseRow[] => statements(db).promisesOf.all(complaintId);

export const promiseRowsByIds = (db: Db, ids: readonly string[]): DbPromiseRow[] => statements(db).promisesByIds.all(jsonList(ids));

/** Records a promise's outcome unless it was already settled (it never changes once written). */
export const settlePromiseRow = (db: Db, id: string, outcome: 'kept' | 'broken', at: string): void => {
  statements(db).settlePromise.run({ id, outcome, at });
};

/** Every promise whose deadline passed unmet is recorded broken, at its deadline; answers how many. */
/** The promises not settled yet: those of open complaints, a handful (a partial index holds just them). */
export const runningPromiseRows = (db: Db): Pick<DbPromiseRow, 'id' | 'due_at'>[] => statements(db).running.all();

export const settleBrokenPromiseRow = (db: Db, id: string): void => {
  statements(db).settleBroken.run(id);
};

export const insertTransition = (db: Db, row: Omit<DbTransitionRow, 'staff_name'>): void => {
  statements(db).insertTransition.run(row);
};

export const transitionRowsOf = (db: Db, complaintId: string): DbTransitionRow[] => statements(db).transitionsOf.all(complaintId);

export const updateComplaint = (db: Db, row: ComplaintUpdate): void => {
  statements(db).update.run(row);
};

/** What a complaint says and who owns it, one field set as it was entered on a device (a value picked among those entered while apart). */
export type ComplaintDetailColumn = 'channel' | 'category' | 'severity' | 'description' | 'owner_staff_id';
export const setComplaintDetail = (db: Db, id: string, column: ComplaintDetailColumn, value: string | null, updatedAt: string): void => {
  statements(db).setDetail[column].run(value, updatedAt, id);
};

export const updateEscalation = (db: Db, row: EscalationUpdate): void => {
  statements(db).updateEscalation.run(row);
};

export const insertComplaintSatisfaction = (db: Db, row: { id: string; customer_id: string | null; level: number; at: string; note: string; staff_id: string | null }): void => {
  statements(db).insertSatisfaction.run(row);
};
