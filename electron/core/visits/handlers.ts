import type { Visit } from '../../../shared/contract/visits';
import { err, ok, type Result } from '../../../shared/result';
import { recordAudit } from '../audit';
import type { HandlerContext } from '../context';
import { getCustomerRow } from '../customers';
import { newId } from '../db/ids';
import { inTransaction } from '../db/transaction';
import type { HandlerImpls } from '../registry';
import { afterWrite, lapseRow } from '../derive';
import { resolveStaffId } from '../staff';
import { noteReturnVisit, undoReturnOfVisit } from '../winback';
import { shopTimeZone } from '../reminders';
import { toVisit } from './present';
import { archiveVisit, getVisitRow, insertVisit, insertVisitSatisfaction, recentVisitRows, unarchiveVisit } from './queries';

const visitOrMissing = (ctx: HandlerContext, id: string): Result<Visit> => {
  const row = getVisitRow(ctx.db, id);
  return row ? ok(toVisit(row)) : err('NOT_FOUND', { entity: 'visit', id });
};

/** Visits and contacts are recorded for customers still in the book, never for archived ones. */
const checkCustomer = (ctx: HandlerContext, customerId: string): Result<null> => {
  const customer = getCustomerRow(ctx.db, customerId);
  if (customer === null) return err('NOT_FOUND', { entity: 'customer', id: customerId });
  if (customer.archived_at !== null) return err('INVALID_STATE', { reason: 'customer_archived' });
  return ok(null);
};

/**
 * A visit from a customer who had lapsed or was marked lost wins them back (a fact on their
 * timeline), judged by their lapse day and lost mark as they stood before this visit.
 */
const noteReturn = (ctx: HandlerContext, visit: { id: string; customerId: string; occurredAt: string }): void => {
  const before = lapseRow(ctx.db, visit.customerId);
  if (before !== null) noteReturnVisit(ctx, shopTimeZone(ctx.db), visit, { lapsesOn: before.lapses_on, lostAt: before.lost_at });
};

export const visitsHandlers: HandlerImpls = {
  'visits-log': (ctx, input) =>
    inTransaction(ctx.db, () => {
      if (input.customerId !== null) {
        const customerCheck = checkCustomer(ctx, input.customerId);
        if (!customerCheck.ok) return customerCheck;
      }
      const staff = resolveStaffId(ctx, input.staffId);
      if (!staff.ok) return staff;
      const now = ctx.now().toISOString();
      const occurredAt = input.occurredAt === null ? now : new Date(input.occurredAt).toISOString();
      const id = newId();
      insertVisit(ctx.db, {
        id,
        customer_id: input.customerId,
        kind: 'visit',
        occurred_at: occurredAt,
        amount_minor: input.amountMinor,
        channel: input.channel,
        items: input.items,
        note: input.note,
        staff_id: staff.value,
        created_at: now,
      });
      if (input.satisfaction !== null) {
        insertVisitSatisfaction(ctx.db, {
          id: newId(),
          customerId: input.customerId,
          level: input.satisfaction,
          visitId: id,
          answeredAt: occurredAt,
          staffId: staff.value,
          createdAt: now,
        });
      }
      if (input.customerId !== null) noteReturn(ctx, { id, customerId: input.customerId, occurredAt });
      // A walk-in too: its month's figures follow.
      afterWrite(ctx, { customerIds: [input.customerId], visitsChanged: true });
      return visitOrMissing(ctx, id);
    }),
  'visits-log-contact': (ctx, input) =>
    inTransaction(ctx.db, () => {
      const customerCheck = checkCustomer(ctx, input.customerId);
      if (!customerCheck.ok) return customerCheck;
      const staff = resolveStaffId(ctx, input.staffId);
      if (!staff.ok) return staff;
      const now = ctx.now().toISOString();
      const occurredAt = input.occurredAt === null ? now : new Date(input.occurredAt).toISOString();
      const id = newId();
      insertVisit(ctx.db, {
        id,
        customer_id: input.customerId,
        kind: 'contact',
        occurred_at: occurredAt,
        amount_minor: null,
        channel: input.method,
        items: '',
        note: input.note,
        staff_id: staff.value,
        created_at: now,
      });
      afterWrite(ctx, { customerIds: [input.customerId] });
      return visitOrMissing(ctx, id);
    }),
  'visits-archive': (ctx, { id }) =>
    inTransaction(ctx.db, () => {
      const row = getVisitRow(ctx.db, id);
      if (row === null) return err('NOT_FOUND', { entity: 'visit', id });
      if (row.archived_at !== null) return err('INVALID_STATE', { reason: 'already_archived' });
      archiveVisit(ctx.db, id, ctx.now().toISOString());
      if (row.customer_id !== null) undoReturnOfVisit(ctx, id);
      // A walk-in's visit too: its month's figures follow.
      afterWrite(ctx, { customerIds: [row.customer_id], visitsChanged: true });
      recordAudit(ctx, { action: 'visit.archive', entity: 'visit', entityId: id, before: toVisit(row) });
      return visitOrMissing(ctx, id);
    }),
  'visits-unarchive': (ctx, { id }) =>
    inTransaction(ctx.db, () => {
      const row = getVisitRow(ctx.db, id);
      if (row === null) return err('NOT_FOUND', { entity: 'visit', id });
      if (row.archived_at === null) return err('INVALID_STATE', { reason: 'not_archived' });
      if (row.customer_id !== null) {
        const customerCheck = checkCustomer(ctx, row.customer_id);
        if (!customerCheck.ok) return customerCheck;
      }
      unarchiveVisit(ctx.db, id);
      // A walk-in's visit too: its month's figures follow.
      afterWrite(ctx, { customerIds: [row.customer_id], visitsChanged: true });
      const restored = visitOrMissing(ctx, id);
      if (restored.ok) recordAudit(ctx, { action: 'visit.unarchive', entity: 'visit', entityId: id, after: restored.value });
      return restored;
    }),
  'visits-recent': (ctx, { limit }) => ok(recentVisitRows(ctx.db, limit).map(toVisit)),
};
