import type { CustomerStanding, LostReason, WinBackOutcome, WinBackStats } from '../../../shared/contract/winback';
import { lostReasons, winBackOutcomes } from '../../../shared/contract/winback';
import { plusDays } from '../../../shared/reminders/days';
import { err, ok, type Result } from '../../../shared/result';
import { localDay, startOfLocalDay } from '../../../shared/time';
import { recordAudit } from '../audit';
import type { HandlerContext } from '../context';
import { newId } from '../db/ids';
import { inTransaction } from '../db/transaction';
import { lapseRow } from '../derive';
import type { HandlerImpls } from '../registry';
import { afterWrite } from '../derive';
import { closeReminder, getReminderRow, openReminderRow, readReminderSettings, reopenReminder, shopTimeZone, snoozeReminder, toReminder } from '../reminders';
import { toAttempt } from './present';
import { attemptCounts, deleteAttempt, getAttemptRow, getStatusEventRow, insertAttempt, latestAttemptIdOf, lostCounts, wonBackCounts } from './queries';
import { readStanding } from './standing';
import { markLost, markWonBack, undoStatusEvent } from './status';

/** A customer still in the book (not archived). */
const activeCustomer = (ctx: HandlerContext, customerId: string) => {
  const customer = lapseRow(ctx.db, customerId);
  if (customer === null) return err('NOT_FOUND', { entity: 'customer', id: customerId });
  if (customer.archived_at !== null) return err('INVALID_STATE', { reason: 'customer_archived' });
  return ok(customer);
};

const standingOrMissing = (ctx: HandlerContext, customerId: string): Result<CustomerStanding> => {
  const standing = readStanding(ctx, customerId);
  return standing ? ok(standing) : err('NOT_FOUND', { entity: 'customer', id: customerId });
};

/** Every key with its count, zero where nothing was counted. */
const countsOf = <K extends string>(keys: readonly K[], rows: readonly { key: string; count: number }[]): Record<K, number> => {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const row of rows) if (Object.hasOwn(counts, row.key)) counts[row.key as K] += row.count;
  return counts;
};

export const winbackHandlers: HandlerImpls = {
  /**
   * Records a call or message to a lapsed customer. From a win-back reminder: "no answer" brings the
   * reminder back a few days later; any other outcome completes it with the note.
   */
  'winback-record-attempt': (ctx, input) =>
    inTransaction(ctx.db, () => {
      const customer = activeCustomer(ctx, input.customerId);
      if (!customer.ok) return customer;
      let reminder = null;
      if (input.reminderId !== null) {
        const open = openReminderRow(ctx, input.reminderId);
        if (!open.ok) return open;
        if (open.value.customer_id !== input.customerId) return err('INVALID_STATE', { reason: 'reminder_other_customer' });
        const now = ctx.now().toISOString();
        if (input.outcome === 'no_answer') {
          const retry = plusDays(localDay(ctx.now(), shopTimeZone(ctx.db)), readReminderSettings(ctx.db).winBackRetryDays);
          snoozeReminder(ctx.db, input.reminderId, retry, now);
        } else {
          closeReminder(ctx.db, input.reminderId, 'done', input.note, now, ctx.session.staffId);
        }
        reminder = toReminder(getReminderRow(ctx.db, input.reminderId) as NonNullable<ReturnType<typeof getReminderRow>>);
      }
      const id = newId();
      insertAttempt(ctx.db, { id, customerId: input.customerId, reminderId: input.reminderId, outcome: input.outcome, note: input.note, staffId: ctx.session.staffId, at: ctx.now().toISOString() });
      const attempt = toAttempt(getAttemptRow(ctx.db, id) as NonNullable<ReturnType<typeof getAttemptRow>>);
      recordAudit(ctx, { action: 'winback.attempt', entity: 'customer', entityId: input.customerId, after: { outcome: input.outcome, note: input.note, reminderId: input.reminderId } });
      return ok({ attempt, reminder });
    }),
  /** The exact reverse of recording a call: the attempt goes, and its reminder is open (or snoozed) as before. */
  'winback-undo-attempt': (ctx, { id, restoreSnoozedUntil }) =>
    inTransaction(ctx.db, () => {
      const attempt = getAttemptRow(ctx.db, id);
      if (attempt === null) return err('NOT_FOUND', { entity: 'win_back_attempt', id });
      if (latestAttemptIdOf(ctx.db, attempt.customer_id) !== id) return err('INVALID_STATE', { reason: 'changed_since' });
      const reminderRow = attempt.reminder_id === null ? null : getReminderRow(ctx.db, attempt.reminder_id);
      const now = ctx.now().toISOString();
      if (reminderRow !== null && reminderRow !== undefined) {
        if (attempt.outcome === 'no_answer') {
          if (reminderRow.status !== 'open') return err('INVALID_STATE', { reason: 'changed_since' });
          snoozeReminder(ctx.db, reminderRow.id, restoreSnoozedUntil, now);
        } else {
          if (reminderRow.status !== 'done') return err('INVALID_STATE', { reason: 'changed_since' });
          reopenReminder(ctx.db, reminderRow.id, now);
        }
      }
      deleteAttempt(ctx.db, id);
      recordAudit(ctx, {
        action: 'winback.attempt_undo',
        entity: 'customer',
        entityId: attempt.customer_id,
        before: { outcome: attempt.outcome, note: attempt.note, reminderId: attempt.reminder_id },
      });
      const reminder = reminderRow ? getReminderRow(ctx.db, reminderRow.id) : null;
      return ok({ reminder: reminder ? toReminder(reminder) : null });
    }),
  'winback-mark-lost': (ctx, input) =>
    inTransaction(ctx.db, () => {
      const customer = activeCustomer(ctx, input.customerId);
      if (!customer.ok) return customer;
      if (customer.value.lost_at !== null) return err('INVALID_STATE', { reason: 'customer_lost' });
      const event = markLost(ctx, input.customerId, input.reason, input.note);
      recordAudit(ctx, { action: 'customer.mark_lost', entity: 'customer', entityId: input.customerId, after: { reason: input.reason, note: input.note } });
      afterWrite(ctx, { customerIds: [input.customerId] });
      return ok(event);
    }),
  'winback-mark-won-back': (ctx, input) =>
    inTransaction(ctx.db, () => {
      const customer = activeCustomer(ctx, input.customerId);
      if (!customer.ok) return customer;
      const row = customer.value;
      if (row.lost_at === null) return err('INVALID_STATE', { reason: 'customer_not_lost' });
      const lastActivityAt = [row.last_visit_at, row.last_contact_at].filter((at): at is string => at !== null).sort().at(-1) ?? null;
      const event = markWonBack(ctx, { id: row.id, lostAt: row.lost_at, lastActivityAt }, input.note);
      recordAudit(ctx, { action: 'customer.mark_won_back', entity: 'customer', entityId: input.customerId, after: { note: input.note } });
      afterWrite(ctx, { customerIds: [input.customerId] });
      return ok(event);
    }),
  'winback-undo-status': (ctx, { id }) =>
    inTransaction(ctx.db, () => {
      const event = getStatusEventRow(ctx.db, id);
      if (event === null) return err('NOT_FOUND', { entity: 'status_change', id });
      if (event.archived_at !== null) return err('INVALID_STATE', { reason: 'status_undone' });
      undoStatusEvent(ctx, id);
      recordAudit(ctx, { action: 'customer.undo_status', entity: 'customer', entityId: event.customer_id, before: { kind: event.kind, reason: event.reason, at: event.at } });
      afterWrite(ctx, { customerIds: [event.customer_id] });
      return standingOrMissing(ctx, event.customer_id);
    }),
  'winback-standing': (ctx, { customerId }) => standingOrMissing(ctx, customerId),
  'winback-stats': (ctx, { from, to }) => {
    if (to < from) return err('VALIDATION_FAILED', { issues: [{ path: 'to', rule: 'invalid_date' }] });
    const zone = shopTimeZone(ctx.db);
    const start = startOfLocalDay(from, zone);
    const end = startOfLocalDay(plusDays(to, 1), zone);
    const won = wonBackCounts(ctx.db, start, end);
    const stats: WinBackStats = {
      from,
      to,
      attemptsByOutcome: countsOf<WinBackOutcome>(winBackOutcomes, attemptCounts(ctx.db, start, end).map((row) => ({ key: row.outcome, count: row.count }))),
      lostByReason: countsOf<LostReason>(lostReasons, lostCounts(ctx.db, start, end).map((row) => ({ key: row.reason, count: row.count }))),
      wonBack: { total: won?.total ?? 0, fromLapsed: won?.from_lapsed ?? 0, fromLost: won?.from_lost ?? 0, afterAttempt: won?.after_attempt ?? 0 },
    };
    return ok(stats);
  },
};
