import type { Db } from '../db/connection';
import { jsonList, statementsFor } from '../db/statements';

export interface DbReminderRow {
  id: string;
  kind: string;
  reason_key: string;
  customer_id: string | null;
  subject_id: string | null;
  due_day: string;
  snoozed_until: string | null;
  agenda_day: string;
  status: 'open' | 'done' | 'dismissed' | 'obsolete';
  note: string;
  facts_json: string;
  staff_id: string | null;
  assignee_id: string | null;
  outcome_note: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  closed_by_staff_id: string | null;
}

export interface ReminderUpsert {
  id: string;
  kind: string;
  reason_key: string;
  customer_id: string | null;
  subject_id: string | null;
  due_day: string;
  facts_json: string;
  staff_id: string | null;
  at: string;
}

export const reminderColumns =
  'r.id, r.kind, r.reason_key, r.customer_id, r.subject_id, r.due_day, r.snoozed_until, r.agenda_day, r.status, r.note, r.facts_json, r.staff_id, r.assignee_id, r.outcome_note, r.created_at, r.updated_at, r.closed_at, r.closed_by_staff_id';

const changedFromExcluded = `(reminders.status = 'obsolete' OR reminders.due_day IS NOT excluded.due_day OR reminders.facts_json IS NOT excluded.facts_json
  OR reminders.customer_id IS NOT excluded.customer_id OR reminders.subject_id IS NOT excluded.subject_id OR reminders.staff_id IS NOT excluded.staff_id
  OR reminders.assignee_id IS NOT excluded.assignee_id)`;

/** Whose a reminder is: its own staff member, else whoever looks after its customer. */
const assigneeOf = (staff: string, customer: string) => `coalesce(${staff}, (SELECT owner_staff_id FROM customers WHERE id = ${customer}))`;

const statements = statementsFor((db) => ({
  // A reason seen before keeps its row: open or obsolete ones follow the source (an obsolete one is
  // reopened), done and dismissed ones are left alone. Unchanged rows are not rewritten.
  upsert: db.prepare<ReminderUpsert>(`
    INSERT INTO reminders (id, kind, reason_key, customer_id, subject_id, due_day, facts_json, staff_id, assignee_id, created_at, updated_at)
    VALUES (@id, @kind, @reason_key, @customer_id, @subject_id, @due_day, @facts_json, @staff_id, ${assigneeOf('@staff_id', '@customer_id')}, @at, @at)
    ON CONFLICT (kind, reason_key) DO UPDATE SET
      customer_id = excluded.customer_id, subject_id = excluded.subject_id, due_day = excluded.due_day,
      facts_json = excluded.facts_json, staff_id = excluded.staff_id, assignee_id = excluded.assignee_id,
      status = 'open', closed_at = NULL, closed_by_staff_id = NULL, updated_at = excluded.updated_at
    WHERE reminders.status IN ('open', 'obsolete') AND ${changedFromExcluded}`),
  // Reads the kind's open reminders (reminders_open_kind), or the customers' (reminders_customer:
  // the unary + keeps the planner off the kind index, which holds every open reminder of the kind).
  obsoleteAll: db.prepare<{ at: string; kind: string; kept: string }>(`
    UPDATE reminders SET status = 'obsolete', closed_at = @at, updated_at = @at
    WHERE kind = @kind AND status = 'open' AND reason_key NOT IN (SELECT value FROM json_each(@kept))`),
  // Every kind generated for the customers at once, kept reasons as kind + keySeparator + key: one
  // walk of their open reminders (reminders_customer) rather than one per kind.
  obsoleteForCustomers: db.prepare<{ at: string; kinds: string; kept: string; ids: string }>(`
    UPDATE reminders SET status = 'obsolete', closed_at = @at, updated_at = @at
    WHERE customer_id IN (SELECT value FROM json_each(@ids)) AND status = 'open'
      AND +kind IN (SELECT value FROM json_each(@kinds)) AND kind || char(31) || reason_key NOT IN (SELECT value FROM json_each(@kept))`),
  get: db.prepare<[string], DbReminderRow>(`SELECT ${reminderColumns} FROM reminders r WHERE r.id = ?`),
  insertManual: db.prepare<{ id: string; kind: string; customer_id: string | null; due_day: string; note: string; staff_id: string | null; at: string }>(`
    INSERT INTO reminders (id, kind, reason_key, customer_id, due_day, note, staff_id, assignee_id, created_at, updated_at)
    VALUES (@id, @kind, @id, @customer_id, @due_day, @note, @staff_id, ${assigneeOf('@staff_id', '@customer_id')}, @at, @at)`),
  refreshAssignees: db.prepare<{ customer_id: string; at: string }>(`
    UPDATE reminders SET assignee_id = ${assigneeOf('staff_id', 'customer_id')}, updated_at = @at
    WHERE customer_id = @customer_id AND status = 'open' AND assignee_id IS NOT ${assigneeOf('staff_id', 'customer_id')}`),
  obsoleteOfCustomer: db.prepare<{ customer_id: string; at: string }>(`
    UPDATE reminders SET status = 'obsolete', closed_at = @at, updated_at = @at WHERE customer_id = @customer_id AND status = 'open'`),
  reopenManualOfCustomer: db.prepare<{ customer_id: string; kind: string; at: string }>(`
    UPDATE reminders SET status = 'open', closed_at = NULL, updated_at = @at WHERE customer_id = @customer_id AND status = 'obsolete' AND kind = @kind`),
  backdate: db.prepare<{ at: string; id: string }>('UPDATE reminders SET created_at = @at, updated_at = @at WHERE id = @id'),
  close: db.prepare<{ status: string; note: string; at: string; staff_id: string | null; id: string }>(`
    UPDATE reminders SET status = @status, outcome_note = @note, closed_at = @at, updated_at = @at, closed_by_staff_id = @staff_id
    WHERE id = @id`),
  reopen: db.prepare<[string, string]>(`
    UPDATE reminders SET status = 'open', outcome_note = '', closed_at = NULL, closed_by_staff_id = NULL, updated_at = ?
    WHERE id = ?`),
  snooze: db.prepare<[string | null, string, string]>('UPDATE reminders SET snoozed_until = ?, updated_at = ? WHERE id = ?'),
  openForCustomer: db.prepare<[string], DbReminderRow>(`
    SELECT ${reminderColumns} FROM reminders r WHERE r.customer_id = ? AND r.status = 'open' ORDER BY r.agenda_day, r.id`),
  closedForCustomerBefore: db.prepare<[string, string, string, string, number], DbReminderRow>(`
    SELECT ${reminderColumns} FROM reminders r
    WHERE r.customer_id = ? AND r.status IN ('done', 'dismissed') AND (r.closed_at < ? OR (r.closed_at = ? AND r.id < ?))
    ORDER BY r.closed_at DESC, r.id DESC LIMIT ?`),
}));

export const upsertReminder = (db: Db, row: ReminderUpsert): void => {
  statements(db).upsert.run(row);
};

/** Closes as obsolete the open reminders of a kind, in the whole book, whose reason is not among `keptKeys`. */
export const obsoleteReminders = (db: Db, kind: string, keptKeys: readonly string[], at: string): number =>
  statements(db).obsoleteAll.run({ at, kind, kept: jsonList(keptKeys) }).changes;

/** Between a kind and a reason key in `keptReason`: a control character no key holds. */
const keySeparator = '\u001f';

/** A reason kept open, for `obsoleteRemindersOfCustomers`. */
export const keptReason = (kind: string, reasonKey: string): string => `${kind}${keySeparator}${reasonKey}`;

/** Closes as obsolete these customers' open reminders of these kinds whose reason is not among `kept` (made by `keptReason`). */
export const obsoleteRemindersOfCustomers = (db: Db, kinds: readonly string[], kept: readonly string[], customerIds: readonly string[], at: string): number =>
  statements(db).obsoleteForCustomers.run({ at, kinds: jsonList(kinds), kept: jsonList(kept), ids: jsonList(customerIds) }).changes;

/** After the customer's staff member changed: each open reminder follows whoever now looks after them. */
export const refreshAssignees = (db: Db, customerId: string, at: string): void => {
  statements(db).refreshAssignees.run({ customer_id: customerId, at });
};

/** A customer leaving the book (archived) takes all their open reminders with them. */
export const obsoleteRemindersOf = (db: Db, customerId: string, at: string): void => {
  statements(db).obsoleteOfCustomer.run({ customer_id: customerId, at });
};

/**
 * Reminders people wrote are closed by the app only when their customer is archived, so a restored
 * customer gets them back (generated kinds come back through their sources).
 */
export const reopenManualRemindersOf = (db: Db, customerId: string, kind: string, at: string): void => {
  statements(db).reopenManualOfCustomer.run({ customer_id: customerId, kind, at });
};

export const getReminderRow = (db: Db, id: string): DbReminderRow | null => statements(db).get.get(id) ?? null;

/** A reminder a person wrote: its own id is its reason. */
export const insertManualReminder = (
  db: Db,
  row: { id: string; kind: string; customerId: string | null; dueDay: string; note: string; staffId: string | null; at: string },
): void => {
  statements(db).insertManual.run({ id: row.id, kind: row.kind, customer_id: row.customerId, due_day: row.dueDay, note: row.note, staff_id: row.staffId, at: row.at });
};

/** A reminder raised as if by the app earlier (the seed's history): created and last changed at `createdAt`. */
export const backdateReminder = (db: Db, id: string, createdAt: string): void => {
  statements(db).backdate.run({ at: createdAt, id });
};

export const closeReminder = (db: Db, id: string, status: 'done' | 'dismissed', outcomeNote: string, at: string, staffId: string | null): void => {
  statements(db).close.run({ status, note: outcomeNote, at, staff_id: staffId, id });
};

export const reopenReminder = (db: Db, id: string, at: string): void => {
  statements(db).reopen.run(at, id);
};

export const snoozeReminder = (db: Db, id: string, until: string | null, at: string): void => {
  statements(db).snooze.run(until, at, id);
};

export const openRemindersOf = (db: Db, customerId: string): DbReminderRow[] => statements(db).openForCustomer.all(customerId);

/** A customer's done and dismissed reminders strictly older than (at, id), newest first: the timeline's part. */
export const closedRemindersBefore = (db: Db, customerId: string, at: string, id: string, limit: number): DbReminderRow[] =>
  statements(db).closedForCustomerBefore.all(customerId, at, at, id, limit);
