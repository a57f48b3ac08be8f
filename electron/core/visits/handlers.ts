import type { Visit } from '../../../shared/contract/visits';
import { err, ok, type Result } from '../../../shared/result';
import { recordAudit } from '../audit/record';
import type { HandlerContext } from '../context';
import { getCustomerRow } from '../customers/queries';
import { newId } from '../db/ids';
import { inTransaction } from '../db/transaction';
import type { HandlerImpls } from '../registry';
import { afterReferredVisitChanged } from '../referrals/hooks';
import { afterVisitArchived, afterVisitLogged, afterVisitRestored } from '../reminders/hooks';
import { resolveStaffId } from '../staff/validate';
import { recomputeCustomerActivity, recordContactActivity, recordVisitActivity } from './activity';
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
      if (input.customerId !== null) {
        recordVisitActivity(ctx.db, input.customerId, occurredAt, input.amountMinor);
        afterVisitLogged(ctx, { id, customerId: input.customerId, kind: 'visit', occurredAt });
        afterReferredVisitChanged(ctx, input.customerId);
      }
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
      recordContactActivity(ctx.db, input.customerId, occurredAt);
      afterVisitLogged(ctx, { id, customerId: input.customerId, kind: 'contact', occurredAt });
      return visitOrMissing(ctx, id);
    }),
  'visits-archive': (ctx, { id }) =>
    inTransaction(ctx.db, () => {
      const row = getVisitRow(ctx.db, id);
      if (row === null) return err('NOT_FOUND', { entity: 'visit', id });
      if (row.archived_at !== null) return err('INVALID_STATE', { reason: 'already_archived' });
      archiveVisit(ctx.db, id, ctx.now().toISOString());
      if (row.customer_id !== null) {
        recomputeCustomerActivity(ctx.db, row.customer_id);
        afterVisitArchived(ctx, { id, customerId: row.customer_id });
        afterReferredVisitChanged(ctx, row.customer_id);
      }
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
      if (row.customer_id !== null) {
        recomputeCustomerActivity(ctx.db, row.customer_id);
        afterVisitRestored(ctx, { customerId: row.customer_id });
        afterReferredVisitChanged(ctx, row.customer_id);
      }
      const restored = visitOrMissing(ctx, id);
      if (restored.ok) recordAudit(ctx, { action: 'visit.unarchive', entity: 'visit', entityId: id, after: restored.value });
      return restored;
    }),
  'visits-recent': (ctx, { limit }) => ok(recentVisitRows(ctx.db, limit).map(toVisit)),
};
