import type { ImportRun } from '../../../../shared/contract/transfer';
import { err, ok, type Result } from '../../../../shared/result';
import { recordAudit } from '../../audit';
import type { HandlerContext } from '../../context';
import type { CustomerRecordsParticipant } from '../../customer-records';
import type { Db } from '../../db/connection';
import { inTransaction } from '../../db/transaction';
import { afterWrite } from '../../derive';
import { deleteImportedHistoriesOfImport } from '../../history';
import { deleteCustomerRow, deleteMergesOf } from '../../merge';
import type { HandlerImpls } from '../../registry';
import { changedSinceImport, deleteImportedVisits, importRunRow, markImportRunUndone, recentImportRuns, type DbImportRun } from './queries';

const listedRuns = 10;
const namesShown = 5;

const idsOf = (json: string): string[] => JSON.parse(json) as string[];

const toImportRun = (db: Db, run: DbImportRun): ImportRun => {
  const changed = run.undone_at === null ? changedSinceImport(db, run) : [];
  return {
    id: run.id,
    fileName: run.file_name,
    committedAt: run.committed_at,
    customers: idsOf(run.customer_ids).length,
    visitsToExisting: idsOf(run.visit_ids).length,
    histories: run.histories,
    undoneAt: run.undone_at,
    changedSince: { count: changed.length, names: changed.slice(0, namesShown).map((row) => row.name ?? '') },
  };
};

/**
 * Undoing an import takes back everything it brought, or nothing: the customers it created (with
 * all that hangs off them, as a purge deletes it), the visits it added to customers already in the
 * book, and the histories. It is refused while any customer it created has been worked on since —
 * edited, visited, merged — because that work would be lost with them.
 */
const undoImport = (ctx: HandlerContext, participants: readonly CustomerRecordsParticipant[], id: string): Result<ImportRun> => {
  const run = importRunRow(ctx.db, id);
  if (run === null) return err('NOT_FOUND', { entity: 'import', id });
  if (run.undone_at !== null) return err('INVALID_STATE', { reason: 'import_undone' });
  if (changedSinceImport(ctx.db, run).length > 0) return err('INVALID_STATE', { reason: 'import_changed_since' });
  const created = idsOf(run.customer_ids);
  const touched = new Set(deleteImportedVisits(ctx.db, run.visit_ids));
  for (const customerId of deleteImportedHistoriesOfImport(ctx.db, run.id)) touched.add(customerId);
  for (const customerId of created) {
    touched.delete(customerId);
    // Features whose rows point at others' go first: the list is in dependency order.
    for (const participant of [...participants].reverse()) participant.purge(ctx.db, customerId);
    deleteMergesOf(ctx.db, customerId);
    deleteCustomerRow(ctx.db, customerId);
  }
  const at = ctx.now().toISOString();
  markImportRunUndone(ctx.db, run.id, at);
  // Customers who keep their place in the book lost visits or a history: their figures follow, in one pass.
  afterWrite(ctx, { customerIds: touched, visitsChanged: true });
  const undone = toImportRun(ctx.db, { ...run, undone_at: at });
  recordAudit(ctx, {
    action: 'import.undo',
    entity: 'import',
    entityId: run.id,
    before: { file: run.file_name, customers: undone.customers, visits: undone.visitsToExisting, histories: run.histories },
    note: run.file_name,
  });
  return ok(undone);
};

export const importUndoHandlers = (participants: readonly CustomerRecordsParticipant[]): HandlerImpls => ({
  'import-runs': (ctx) => ok(recentImportRuns(ctx.db, listedRuns).map((run) => toImportRun(ctx.db, run))),
  'import-undo': (ctx, { id }) => inTransaction(ctx.db, () => undoImport(ctx, participants, id)),
});
