import type { PurgePreview } from '../../../shared/contract/archive';
import { err, ok, type Result } from '../../../shared/result';
import { auditEntryCount, recordAudit } from '../audit';
import type { HandlerContext } from '../context';
import { getCustomerRow, phonesByCustomer, toSummaries } from '../customers';
import type { CustomerRecordsParticipant } from '../customer-records';
import { inTransaction } from '../db/transaction';
import { countMergesOf, deleteCustomerRow, deleteMergesOf } from '../merge';
import type { HandlerImpls } from '../registry';
import { archivedVisitRows, countArchivedVisits, deleteVisit, getVisitRow, toVisit } from '../visits';
import { archivedCustomerRows, countArchivedCustomers, ownPartCounts } from './queries';

/** Everything a purge would delete, named and counted; only for a customer already archived. */
const purgePreview = (ctx: HandlerContext, participants: readonly CustomerRecordsParticipant[], id: string): Result<PurgePreview> => {
  const row = getCustomerRow(ctx.db, id);
  if (row === null) return err('NOT_FOUND', { entity: 'customer', id });
  if (row.archived_at === null) return err('INVALID_STATE', { reason: 'purge_needs_archive' });
  const own = ownPartCounts(ctx.db, id);
  return ok({
    id,
    name: row.name,
    archivedAt: row.archived_at,
    records: [
      ...participants.flatMap((participant) => participant.count(ctx.db, id)),
      { kind: 'phones', count: own.phones },
      { kind: 'tags', count: own.tags },
      { kind: 'interests', count: own.interests },
      { kind: 'mergeHistory', count: countMergesOf(ctx.db, id) },
    ],
    auditEntries: auditEntryCount(ctx.db, 'customer', id),
  });
};

export const archiveHandlers = (participants: readonly CustomerRecordsParticipant[]): HandlerImpls => ({
  'archive-customers': (ctx, { offset, limit }) => {
    const rows = archivedCustomerRows(ctx.db, limit, offset);
    const summaries = toSummaries(ctx.db, rows);
    return ok({ total: countArchivedCustomers(ctx.db), rows: summaries.map((summary, index) => ({ ...summary, archivedAt: rows[index]!.archived_at })) });
  },
  'archive-visits': (ctx, { offset, limit }) =>
    ok({
      total: countArchivedVisits(ctx.db),
      rows: archivedVisitRows(ctx.db, limit, offset).map((row) => ({ ...toVisit(row), archivedAt: row.archived_at! })),
    }),
  'customers-purge-preview': (ctx, { id }) => purgePreview(ctx, participants, id),
  'customers-purge': (ctx, { id }) =>
    inTransaction(ctx.db, () => {
      const preview = purgePreview(ctx, participants, id);
      if (!preview.ok) return preview;
      // Features whose rows point at others' go first: the list is in dependency order.
      for (const participant of [...participants].reverse()) participant.purge(ctx.db, id);
      const phones = (phonesByCustomer(ctx.db, [id]).get(id) ?? []).map((phone) => phone.display);
      deleteMergesOf(ctx.db, id);
      deleteCustomerRow(ctx.db, id);
      const { name, records } = preview.value;
      recordAudit(ctx, { action: 'customer.purge', entity: 'customer', entityId: id, before: { name, phones, records: records.filter((record) => record.count > 0) } });
      return preview;
    }),
  'visits-purge': (ctx, { id }) =>
    inTransaction(ctx.db, () => {
      const row = getVisitRow(ctx.db, id);
      if (row === null) return err('NOT_FOUND', { entity: 'visit', id });
      if (row.archived_at === null) return err('INVALID_STATE', { reason: 'purge_needs_archive' });
      for (const participant of [...participants].reverse()) participant.purgeVisit?.(ctx.db, id);
      deleteVisit(ctx.db, id);
      recordAudit(ctx, { action: 'visit.purge', entity: 'visit', entityId: id, before: toVisit(row) });
      return ok({ id });
    }),
});
