import { limits } from '../../../shared/limits';
import { err, ok } from '../../../shared/result';
import { localDay } from '../../../shared/time';
import { recordAudit } from '../audit';
import { auditedFields, changedFields, getCustomerRow, readCustomerDetail, setCustomerNotes } from '../customers';
import { inTransaction } from '../db/transaction';
import type { HandlerImpls } from '../registry';
import { shopTimeZone } from '../reminders';
import { readCounterCard } from './card';

/**
 * A quick note goes on a line of its own at the end of the notes, after the shop-local date it was
 * written ("2026-12-05 沒有燕麥奶時改豆漿"): what was there stays, and the newest line reads last.
 */
export const withNoteAdded = (notes: string, note: string, day: string): string => {
  const line = `${day} ${note.replace(/\s*\n\s*/g, ' ')}`;
  return notes.trim().length === 0 ? line : `${notes.trimEnd()}\n${line}`;
};

export const counterHandlers: Pick<HandlerImpls, 'customers-counter-card' | 'customers-add-note'> = {
  'customers-counter-card': (ctx, { customerId }) => {
    const card = readCounterCard(ctx, customerId, ctx.session.role);
    return card === null ? err('NOT_FOUND', { entity: 'customer', id: customerId }) : ok(card);
  },
  'customers-add-note': (ctx, { customerId, note }) =>
    inTransaction(ctx.db, () => {
      const row = getCustomerRow(ctx.db, customerId);
      if (row === null) return err('NOT_FOUND', { entity: 'customer', id: customerId });
      if (row.archived_at !== null) return err('INVALID_STATE', { reason: 'customer_archived' });
      const now = ctx.now();
      const notes = withNoteAdded(row.notes, note, localDay(now, shopTimeZone(ctx.db)));
      if (notes.length > limits.notes) return err('VALIDATION_FAILED', { issues: [{ path: 'note', rule: 'too_long', limit: limits.notes - row.notes.length }] });
      const before = readCustomerDetail(ctx.db, customerId, 'owner')!;
      setCustomerNotes(ctx.db, customerId, notes, now.toISOString());
      const after = readCustomerDetail(ctx.db, customerId, 'owner')!;
      recordAudit(ctx, { action: 'customer.update', entity: 'customer', entityId: customerId, ...changedFields(auditedFields(before), auditedFields(after)) });
      return ok(readCustomerDetail(ctx.db, customerId, ctx.session.role)!);
    }),
};
