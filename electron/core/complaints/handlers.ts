import type { Complaint, ComplaintSettings } from '../../../shared/contract/complaints';
import { complaintSettingsShape } from '../../../shared/contract/complaints';
import { deadlineAfter } from '../../../shared/complaints/deadlines';
import { transition, type ComplaintAction, type ComplaintState } from '../../../shared/complaints/lifecycle';
import { complaintStates } from '../../../shared/complaints/lifecycle';
import { err, ok, type Result } from '../../../shared/result';
import { toFieldIssues } from '../../../shared/validation';
import { recordAudit } from '../audit';
import type { HandlerContext } from '../context';
import { getCustomerRow } from '../customers';
import { newId } from '../db/ids';
import { inTransaction } from '../db/transaction';
import type { HandlerImpls } from '../registry';
import { shopTimeZone } from '../reminders';
import { resolveStaffId } from '../staff';
import { afterWrite } from '../derive';
import { complaintReminderKinds } from './reminder-kinds';
import { toPromise, toTransition } from './present';
import { meetPromise, settleBeforeReading, settleMissedPromises } from './promises';
import {
  boardCounts,
  boardRows,
  getComplaintRow,
  insertComplaint,
  insertComplaintSatisfaction,
  insertPromise,
  insertTransition,
  promiseRowsByIds,
  promiseRowsOf,
  transitionRowsOf,
  updateComplaint,
  updateEscalation,
  type DbComplaintRow,
  type ComplaintUpdate,
} from './queries';
import { complaintsOf } from './read';
import { openingHoursOf, promiseHours, readComplaintSettings, writeComplaintSettings } from './settings';
import { compensationStats, complaintStats } from './stats';

const complaintOrMissing = (ctx: HandlerContext, id: string): Result<Complaint> => {
  const row = getComplaintRow(ctx.db, id);
  const [complaint] = row === null ? [] : complaintsOf(ctx.db, [row], ctx.session.role);
  return complaint === undefined ? err('NOT_FOUND', { entity: 'complaint', id }) : ok(complaint);
};

const updateOf = (row: DbComplaintRow, at: string): ComplaintUpdate => ({
  id: row.id,
  state: row.state,
  replied_at: row.replied_at,
  resolved_at: row.resolved_at,
  resolution: row.resolution,
  compensation_kind: row.compensation_kind,
  compensation_minor: row.compensation_minor,
  resolve_promise_id: row.resolve_promise_id,
  satisfaction_answer_id: row.satisfaction_answer_id,
  updated_at: at,
});

const recordTransition = (ctx: HandlerContext, row: DbComplaintRow, action: ComplaintAction | 'log' | 'escalate' | 'approve' | 'decline', to: string, at: string, note: string) => {
  insertTransition(ctx.db, {
    id: newId(),
    complaint_id: row.id,
    action,
    from_state: action === 'log' ? null : row.state,
    to_state: to,
    at,
    actor_role: ctx.session.role,
    staff_id: ctx.session.staffId,
    note,
  });
};

/** Answers the reply promise as met at `at` (the first answer to the customer). */
const answer = (ctx: HandlerContext, row: DbComplaintRow, at: string): string => {
  if (row.replied_at !== null) return row.replied_at;
  const [reply] = promiseRowsByIds(ctx.db, [row.reply_promise_id]);
  if (reply !== undefined) meetPromise(ctx.db, reply, at);
  return at;
};

type Step = (row: DbComplaintRow, at: string) => Result<{ update: ComplaintUpdate; audit?: Record<string, unknown> }>;

/**
 * One lifecycle step: promises past their deadline are recorded first (so a late answer finds its
 * promise already broken), then the state machine decides, then the step writes and is recorded
 * with who did it, in the audit trail, and in the complaint's reminders.
 */
const step = (ctx: HandlerContext, id: string, action: ComplaintAction, note: string, apply: Step): Result<Complaint> =>
  inTransaction(ctx.db, () => {
    const now = ctx.now();
    settleMissedPromises(ctx.db, now);
    const row = getComplaintRow(ctx.db, id);
    if (row === null) return err('NOT_FOUND', { entity: 'complaint', id });
    const next = transition(row.state as ComplaintState, action);
    if (!next.ok) return err('INVALID_STATE', { reason: next.reason });
    const at = now.toISOString();
    const applied = apply(row, at);
    if (!applied.ok) return applied;
    updateComplaint(ctx.db, { ...applied.value.update, state: next.to });
    recordTransition(ctx, row, action, next.to, at, note);
    recordAudit(ctx, { action: `complaint.${action}`, entity: 'complaint', entityId: id, before: { state: row.state }, after: { state: next.to, ...applied.value.audit } });
    // A resolution (or a reopening) gives (or takes back) the constructive-feedback point; a follow-up may bring an answer.
    afterWrite(ctx, { customerIds: [row.customer_id], bookReminderKinds: complaintReminderKinds });
    return complaintOrMissing(ctx, id);
  });

/** Staff may give compensation up to the limit; above it only what the owner approved (or the owner themself). */
const checkAuthority = (ctx: HandlerContext, row: DbComplaintRow, amountMinor: number, settings: ComplaintSettings): Result<null> => {
  if (amountMinor <= settings.compensationLimitMinor || ctx.session.role === 'owner') return ok(null);
  const approved = row.escalation_status === 'approved' && row.escalation_minor !== null && amountMinor <= row.escalation_minor;
  return approved ? ok(null) : err('INVALID_STATE', { reason: 'compensation_needs_approval' });
};

export const complaintsHandlers: HandlerImpls = {
  'complaints-log': (ctx, input) =>
    inTransaction(ctx.db, () => {
      if (input.customerId !== null) {
        const customer = getCustomerRow(ctx.db, input.customerId);
        if (customer === null) return err('NOT_FOUND', { entity: 'customer', id: input.customerId });
        if (customer.archived_at !== null) return err('INVALID_STATE', { reason: 'customer_archived' });
      }
      const owner = resolveStaffId(ctx, input.ownerStaffId);
      if (!owner.ok) return owner;
      const at = ctx.now().toISOString();
      const settings = readComplaintSettings(ctx.db);
      const zone = shopTimeZone(ctx.db);
      const hours = promiseHours(settings, input.severity);
      const openingHours = openingHoursOf(settings);
      const id = newId();
      const replyId = newId();
      const resolveId = newId();
      insertComplaint(ctx.db, {
        id,
        customer_id: input.customerId,
        channel: input.channel,
        category: input.category,
        severity: input.severity,
        description: input.description,
        owner_staff_id: owner.value,
        state: 'open',
        received_at: at,
        reply_promise_id: replyId,
        resolve_promise_id: resolveId,
        created_at: at,
        updated_at: at,
      });
      insertPromise(ctx.db, { id: replyId, complaint_id: id, kind: 'reply', due_at: deadlineAfter(at, hours.reply, zone, openingHours), at });
      insertPromise(ctx.db, { id: resolveId, complaint_id: id, kind: 'resolve', due_at: deadlineAfter(at, hours.resolve, zone, openingHours), at });
      const row = getComplaintRow(ctx.db, id);
      if (row === null) return err('NOT_FOUND', { entity: 'complaint', id });
      recordTransition(ctx, row, 'log', 'open', at, '');
      const logged = complaintOrMissing(ctx, id);
      if (logged.ok) recordAudit(ctx, { action: 'complaint.log', entity: 'complaint', entityId: id, after: logged.value });
      afterWrite(ctx, { customerIds: [], bookReminderKinds: complaintReminderKinds });
      return logged;
    }),

  'complaints-get': (ctx, { id }) => {
    settleBeforeReading(ctx);
    const complaint = complaintOrMissing(ctx, id);
    if (!complaint.ok) return complaint;
    return ok({
      complaint: complaint.value,
      transitions: transitionRowsOf(ctx.db, id).map(toTransition),
      promises: promiseRowsOf(ctx.db, id).map(toPromise),
      compensationLimitMinor: readComplaintSettings(ctx.db).compensationLimitMinor,
    });
  },

  'complaints-list': (ctx, input) => {
    settleBeforeReading(ctx);
    const params = {
      states: JSON.stringify(input.states),
      severity: input.severity,
      category: input.category,
      owner: input.ownerStaffId,
      customer: input.customerId,
      overdue: input.overdueOnly ? 1 : 0,
      query: input.query,
      now: ctx.now().toISOString(),
    };
    const counts = Object.fromEntries(complaintStates.map((state) => [state, 0])) as Record<ComplaintState, number>;
    for (const { state, count } of boardCounts(ctx.db, params)) counts[state as ComplaintState] = count;
    return ok({ items: complaintsOf(ctx.db, boardRows(ctx.db, params, input.limit), ctx.session.role), counts });
  },

  'complaints-acknowledge': (ctx, { id, note }) =>
    step(ctx, id, 'acknowledge', note, (row, at) => ok({ update: { ...updateOf(row, at), replied_at: answer(ctx, row, at) } })),

  'complaints-resolve': (ctx, { id, resolution, compensation }) => {
    const settings = readComplaintSettings(ctx.db);
    return step(ctx, id, 'resolve', '', (row, at) => {
      const approved = row.escalation_status === 'approved' && row.escalation_kind !== null ? { kind: row.escalation_kind, amountMinor: row.escalation_minor ?? 0 } : null;
      const given = compensation === undefined ? approved : compensation;
      if (given !== null) {
        const authority = checkAuthority(ctx, row, given.amountMinor, settings);
        if (!authority.ok) return authority;
      }
      const replied_at = answer(ctx, row, at);
      const [resolvePromise] = promiseRowsByIds(ctx.db, [row.resolve_promise_id]);
      if (resolvePromise !== undefined) meetPromise(ctx.db, resolvePromise, at);
      return ok({
        update: {
          ...updateOf(row, at),
          replied_at,
          resolved_at: at,
          resolution,
          compensation_kind: given?.kind ?? null,
          compensation_minor: given?.amountMinor ?? null,
        },
        audit: { resolution, compensation: given },
      });
    });
  },

  'complaints-follow-up': (ctx, { id, satisfaction, note }) =>
    step(ctx, id, 'follow_up', note, (row, at) => {
      if (satisfaction === null) return ok({ update: updateOf(row, at) });
      const answerId = newId();
      insertComplaintSatisfaction(ctx.db, { id: answerId, customer_id: row.customer_id, level: satisfaction, at, note, staff_id: ctx.session.staffId });
      return ok({ update: { ...updateOf(row, at), satisfaction_answer_id: answerId }, audit: { satisfaction } });
    }),

  'complaints-close': (ctx, { id, note }) => step(ctx, id, 'close', note, (row, at) => ok({ update: updateOf(row, at) })),

  /** Reopening makes a new resolve-by promise from now; the earlier one keeps its outcome. */
  'complaints-reopen': (ctx, { id, note }) => {
    const settings = readComplaintSettings(ctx.db);
    const zone = shopTimeZone(ctx.db);
    return step(ctx, id, 'reopen', note, (row, at) => {
      const promiseId = newId();
      const hours = promiseHours(settings, row.severity as 'low' | 'medium' | 'high');
      insertPromise(ctx.db, { id: promiseId, complaint_id: row.id, kind: 'resolve', due_at: deadlineAfter(at, hours.resolve, zone, openingHoursOf(settings)), at });
      return ok({ update: { ...updateOf(row, at), resolve_promise_id: promiseId } });
    });
  },

  'complaints-escalate': (ctx, { id, compensation, note }) =>
    inTransaction(ctx.db, () => {
      settleMissedPromises(ctx.db, ctx.now());
      const row = getComplaintRow(ctx.db, id);
      if (row === null) return err('NOT_FOUND', { entity: 'complaint', id });
      if (row.state !== 'open' && row.state !== 'acknowledged') return err('INVALID_STATE', { reason: 'complaint_cannot_escalate' });
      const at = ctx.now().toISOString();
      updateEscalation(ctx.db, {
        id,
        status: 'requested',
        kind: compensation.kind,
        minor: compensation.amountMinor,
        note,
        requested_at: at,
        decided_at: null,
        decision_note: '',
        updated_at: at,
      });
      recordTransition(ctx, row, 'escalate', row.state, at, note);
      recordAudit(ctx, { action: 'complaint.escalate', entity: 'complaint', entityId: id, after: { compensation, note } });
      afterWrite(ctx, { customerIds: [], bookReminderKinds: complaintReminderKinds });
      return complaintOrMissing(ctx, id);
    }),

  'complaints-decide-escalation': (ctx, { id, approve, note }) =>
    inTransaction(ctx.db, () => {
      const row = getComplaintRow(ctx.db, id);
      if (row === null) return err('NOT_FOUND', { entity: 'complaint', id });
      if (row.escalation_status !== 'requested') return err('INVALID_STATE', { reason: 'no_escalation_pending' });
      const at = ctx.now().toISOString();
      updateEscalation(ctx.db, {
        id,
        status: approve ? 'approved' : 'declined',
        kind: row.escalation_kind,
        minor: row.escalation_minor,
        note: row.escalation_note,
        requested_at: row.escalation_requested_at,
        decided_at: at,
        decision_note: note,
        updated_at: at,
      });
      recordTransition(ctx, row, approve ? 'approve' : 'decline', row.state, at, note);
      recordAudit(ctx, { action: approve ? 'complaint.approve' : 'complaint.decline', entity: 'complaint', entityId: id, after: { note } });
      return complaintOrMissing(ctx, id);
    }),

  'complaints-stats': (ctx, { months }) => {
    settleBeforeReading(ctx);
    return ok(complaintStats(ctx.db, ctx.now(), shopTimeZone(ctx.db), months));
  },

  'complaints-compensation-stats': (ctx, { months }) => ok(compensationStats(ctx.db, ctx.now(), shopTimeZone(ctx.db), months)),

  'complaints-settings-get': (ctx) => ok(readComplaintSettings(ctx.db)),

  /** Owner only. New rules apply to complaints logged from now on; promises already made stand. */
  'complaints-settings-update': (ctx, changes) =>
    inTransaction(ctx.db, () => {
      const before = readComplaintSettings(ctx.db);
      const merged = complaintSettingsShape.safeParse({ ...before, ...changes });
      if (!merged.success) return err('VALIDATION_FAILED', { issues: toFieldIssues(merged.error, changes) });
      const changedKeys = (Object.keys(changes) as (keyof ComplaintSettings)[]).filter(
        (key) => changes[key] !== undefined && JSON.stringify(before[key]) !== JSON.stringify(merged.data[key]),
      );
      if (changedKeys.length === 0) return ok(before);
      writeComplaintSettings(ctx.db, Object.fromEntries(changedKeys.map((key) => [key, merged.data[key]])));
      recordAudit(ctx, {
        action: 'complaint_settings.update',
        entity: 'settings',
        entityId: null,
        before: Object.fromEntries(changedKeys.map((key) => [key, before[key]])),
        after: Object.fromEntries(changedKeys.map((key) => [key, merged.data[key]])),
      });
      afterWrite(ctx, { customerIds: [], bookReminderKinds: complaintReminderKinds });
      return ok(readComplaintSettings(ctx.db));
    }),
};
