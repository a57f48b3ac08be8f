import type { Reminder } from '../../../shared/contract/reminders';
import { err, ok, type Result } from '../../../shared/result';
import { localDay } from '../../../shared/time';
import { recordAudit } from '../audit';
import type { HandlerContext } from '../context';
import { getCustomerRow } from '../customers';
import { newId } from '../db/ids';
import { inTransaction } from '../db/transaction';
import type { HandlerImpls } from '../registry';
import { getStaff } from '../staff';
import { customKind } from '../../../shared/reminders/kinds/custom';
import { readAgenda, readDueSummary } from './agenda';
import { shopToday } from './engine';
import { toReminder } from './present';
import { shopTimeZone } from './settings';
import { openReminderRow } from './open-row';
import { closeReminder, getReminderRow, insertManualReminder, openRemindersOf, reopenReminder, snoozeReminder } from './queries';

const reminderOrMissing = (ctx: HandlerContext, id: string): Result<Reminder> => {
  const row = getReminderRow(ctx.db, id);
  return row ? ok(toReminder(row)) : err('NOT_FOUND', { entity: 'reminder', id });
};

/** Done (with what came of it) or dismissed, by the person at the counter. */
export const closeWith = (ctx: HandlerContext, id: string, status: 'done' | 'dismissed', note: string): Result<Reminder> =>
  inTransaction(ctx.db, () => {
    const row = openReminderRow(ctx, id);
    if (!row.ok) return row;
    closeReminder(ctx.db, id, status, note, ctx.now().toISOString(), ctx.session.staffId);
    recordAudit(ctx, { action: status === 'done' ? 'reminder.complete' : 'reminder.dismiss', entity: 'reminder', entityId: id, after: { outcomeNote: note } });
    return reminderOrMissing(ctx, id);
  });

/** Moves an open reminder to a later shop-local day; it comes back on the agenda that day. */
export const snoozeUntil = (ctx: HandlerContext, id: string, until: string): Result<Reminder> =>
  inTransaction(ctx.db, () => {
    const row = openReminderRow(ctx, id);
    if (!row.ok) return row;
    if (until <= shopToday(ctx)) return err('INVALID_STATE', { reason: 'snooze_not_future' });
    snoozeReminder(ctx.db, id, until, ctx.now().toISOString());
    recordAudit(ctx, { action: 'reminder.snooze', entity: 'reminder', entityId: id, before: { snoozedUntil: row.value.snoozed_until }, after: { snoozedUntil: until } });
    return reminderOrMissing(ctx, id);
  });

export const remindersHandlers: HandlerImpls = {
  'reminders-agenda': (ctx, input) => {
    const zone = shopTimeZone(ctx.db);
    return ok(readAgenda(ctx.db, localDay(ctx.now(), zone), zone, { kinds: input.kinds, assignee: input.assignee }, input.limit));
  },
  'reminders-due-summary': (ctx) => ok(readDueSummary(ctx.db, shopToday(ctx))),
  'reminders-complete': (ctx, { id, note }) => closeWith(ctx, id, 'done', note),
  'reminders-dismiss': (ctx, { id, note }) => closeWith(ctx, id, 'dismissed', note),
  'reminders-snooze': (ctx, { id, until }) => snoozeUntil(ctx, id, until),
  'reminders-unsnooze': (ctx, { id, until, restore }) =>
    inTransaction(ctx.db, () => {
      const row = openReminderRow(ctx, id);
      if (!row.ok) return row;
      if (row.value.snoozed_until !== until) return err('INVALID_STATE', { reason: 'changed_since' });
      snoozeReminder(ctx.db, id, restore, ctx.now().toISOString());
      recordAudit(ctx, { action: 'reminder.unsnooze', entity: 'reminder', entityId: id, before: { snoozedUntil: until }, after: { snoozedUntil: restore } });
      return reminderOrMissing(ctx, id);
    }),
  'reminders-reopen': (ctx, { id }) =>
    inTransaction(ctx.db, () => {
      const row = getReminderRow(ctx.db, id);
      if (row === null) return err('NOT_FOUND', { entity: 'reminder', id });
      if (row.status === 'open') return err('INVALID_STATE', { reason: 'reminder_open' });
      if (row.status === 'obsolete') return err('INVALID_STATE', { reason: 'reminder_closed' });
      reopenReminder(ctx.db, id, ctx.now().toISOString());
      recordAudit(ctx, { action: 'reminder.reopen', entity: 'reminder', entityId: id, before: { status: row.status, outcomeNote: row.outcome_note } });
      return reminderOrMissing(ctx, id);
    }),
  'reminders-create': (ctx, input) =>
    inTransaction(ctx.db, () => {
      const customer = input.customerId === null ? null : getCustomerRow(ctx.db, input.customerId);
      if (input.customerId !== null) {
        if (customer === null) return err('NOT_FOUND', { entity: 'customer', id: input.customerId });
        if (customer.archived_at !== null) return err('INVALID_STATE', { reason: 'customer_archived' });
      }
      if (input.staffId !== null && getStaff(ctx.db, input.staffId)?.active !== true) return err('NOT_FOUND', { entity: 'staff', id: input.staffId });
      if (input.dueDay < shopToday(ctx)) return err('VALIDATION_FAILED', { issues: [{ path: 'dueDay', rule: 'invalid_date' }] });
      const id = newId();
      insertManualReminder(ctx.db, { id, kind: customKind.name, customerId: input.customerId, dueDay: input.dueDay, note: input.note, staffId: input.staffId, at: ctx.now().toISOString() });
      const created = reminderOrMissing(ctx, id);
      // What the owner decided, in words the trail can show; the derived rest of the reminder is not a decision.
      const decided = { customerName: customer?.name ?? null, dueDay: input.dueDay, note: input.note, staffId: input.staffId };
      if (created.ok) recordAudit(ctx, { action: 'reminder.create', entity: 'reminder', entityId: id, after: decided });
      return created;
    }),
  'reminders-for-customer': (ctx, { customerId }) =>
    getCustomerRow(ctx.db, customerId) === null ? err('NOT_FOUND', { entity: 'customer', id: customerId }) : ok(openRemindersOf(ctx.db, customerId).map(toReminder)),
};
