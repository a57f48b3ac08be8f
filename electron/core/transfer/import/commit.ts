import type { CustomerFields } from '../../../../shared/contract/customers';
import type { Role } from '../../../../shared/contract/define';
import type { ImportOutcome } from '../../../../shared/contract/transfer';
import { recordAudit } from '../../audit';
import { BulkCustomerWriter } from '../../customers';
import type { Db } from '../../db/connection';
import { newId } from '../../db/ids';
import { afterWrite, rebuildDerived } from '../../derive';
import { JobCancelled, type JobContext } from '../../jobs';
import { importReferrerLink } from '../../referrals';
import { addImportedHistory, newImportedHistoryRows } from '../../history';
import { insertVisit } from '../../visits';
import type { ImportPlan } from './plan';
import { insertImportRun } from './queries';

export interface CommitOptions {
  now: string;
  actor: { role: Role; staffId: string | null };
  fileName: string;
  skippedInvalid: number;
}

const chunk = 1000;

/**
 * A file large beside the book it joins (a shop's first import, most of all) makes every derived
 * figure anew, and draws the money cut-offs again from the spending it brings. A smaller one brings
 * its customers' figures up to date as any write does, against the cut-offs the book already has:
 * the whole pass over the full book (100,000 customers) takes 5–10 s, nearly all of an import of a
 * few hundred rows, while the write lock is held.
 */
const remakesEveryFigure = (touched: number, customersBefore: number): boolean => touched * 4 >= customersBefore;

/**
 * Runs the import's plan and writes in one IMMEDIATE transaction, with this connection's
 * foreign-key checks set aside for it: everything or nothing, as any transaction.
 *
 * Why the checks can go: every row the commit writes points at a customer it wrote itself, in this
 * transaction, or one the plan found in the book inside it — the write lock held from the plan on,
 * nothing can remove that customer meanwhile — and the derived pass only rewrites figures of
 * customers that are there. SQLite's check would repeat this with a lookup per phone, tag, name
 * gram, spelled key and history row: about 1.3 million lookups for 100,000 customers, more than a
 * second of the commit. `foreign_keys` cannot change inside a transaction, so it is set around it,
 * and always set back (the connection is the job's own; it stays checked for whatever follows).
 */
export const inImportTransaction = <T>(db: Db, write: () => T): T => {
  if (db.inTransaction) throw new Error('an import needs a transaction of its own');
  db.pragma('foreign_keys = OFF');
  try {
    return db.transaction(write).immediate();
  } finally {
    db.pragma('foreign_keys = ON');
  }
};

/**
 * Writes the plan: every customer, visit and referrer link. Runs inside `inImportTransaction`,
 * whose rollback, when the job is cancelled between chunks or anything fails, leaves the book
 * exactly as it was.
 */
export const commitPlan = (db: Db, plan: ImportPlan, options: CommitOptions, job: JobContext): Omit<ImportOutcome, 'durationMs'> => {
  if (!db.inTransaction) throw new Error('commitPlan needs the import transaction');
  const importId = newId();
  const ids = new Map<number, string>();
  const creating = plan.entries.filter((entry) => entry.fields !== null);
  const writer = new BulkCustomerWriter(db, creating.length);
  creating.forEach((entry, index) => {
    if (index % chunk === 0) {
      if (job.cancelled) throw new JobCancelled();
      job.report('customers', index, creating.length);
    }
    const id = newId();
    ids.set(entry.key, id);
    const fields = entry.fields as CustomerFields;
    // An imported customer keeps the date they became a customer in the old tool.
    writer.add(id, fields, entry.phones, entry.createdAt ?? options.now, options.now);
  });
  job.report('index', 0, 0);
  writer.finish();

  const addedToExisting: string[] = [];
  const touched = new Set(ids.values());
  let visits = 0;
  const withVisits = plan.entries.filter((entry) => entry.visits.length > 0);
  withVisits.forEach((entry, index) => {
    if (index % chunk === 0) {
      if (job.cancelled) throw new JobCancelled();
      job.report('visits', index, withVisits.length);
    }
    const customerId = entry.existingId ?? ids.get(entry.key);
    if (customerId === undefined) return;
    touched.add(customerId);
    for (const visit of entry.visits) {
      const visitId = newId();
      if (entry.existingId !== null) addedToExisting.push(visitId);
      insertVisit(db, {
        id: visitId,
        customer_id: customerId,
        kind: 'visit',
        occurred_at: visit.occurredAt,
        amount_minor: visit.amountMinor,
        channel: 'store',
        items: visit.items,
        note: visit.note,
        staff_id: null,
        created_at: options.now,
      });
      visits += 1;
    }
  });

  // The old tool's summary of each customer it creates: a fact of its own, counted by the activity summary.
  let histories = 0;
  const historyRows = newImportedHistoryRows(db);
  for (const entry of creating) {
    const customerId = ids.get(entry.key);
    if (entry.history === null || customerId === undefined) continue;
    addImportedHistory(historyRows, {
      id: newId(),
      customer_id: customerId,
      import_id: importId,
      source_name: options.fileName,
      visit_count: entry.history.visitCount,
      revenue_minor: entry.history.revenueMinor,
      first_visit_at: entry.history.firstVisitAt,
      last_visit_at: entry.history.lastVisitAt,
      points: entry.history.points,
      member_level: entry.history.memberLevel,
      recorded_at: options.now,
    });
    histories += 1;
  }
  historyRows.write(true);

  let referrerLinks = 0;
  for (const entry of creating) {
    const referrer = entry.referrer;
    const customerId = ids.get(entry.key);
    if (referrer === null || referrer.outcome !== 'found' || customerId === undefined) continue;
    const referrerId = referrer.bookId ?? (referrer.entryKey === null ? undefined : ids.get(referrer.entryKey));
    if (referrerId === undefined) continue;
    if (importReferrerLink(db, { customerId, referrerId, at: entry.createdAt ?? options.now })) {
      referrerLinks += 1;
      touched.add(referrerId);
    }
  }

  // New customers bring birthdays, visits and histories bring activity and rhythms: every derived figure and reminder follows.
  const derive = { db, now: () => new Date(options.now) };
  if (touched.size > 0) {
    if (remakesEveryFigure(touched.size, writer.customersBefore)) rebuildDerived(derive, { bulk: true });
    else afterWrite(derive, { customerIds: touched, visitsChanged: visits > 0 });
  }
  // The indexes a large import set aside come back only now: the derived pass rewrote every new customer's row.
  job.report('index', 0, 0);
  writer.restoreIndexes();

  const outcome = {
    importId,
    created: creating.length,
    skippedDuplicates: plan.entries.length - creating.length,
    skippedInvalid: options.skippedInvalid,
    visits,
    histories,
    referrerLinks,
  };
  insertImportRun(db, { id: importId, file_name: options.fileName, committed_at: options.now, customer_ids: JSON.stringify([...ids.values()]), visit_ids: JSON.stringify(addedToExisting), histories });
  recordAudit(
    { db, session: options.actor, now: () => new Date(options.now) },
    { action: 'import.commit', entity: 'import', entityId: importId, after: { file: options.fileName, ...outcome }, note: options.fileName },
  );
  job.report('done', creating.length, creating.length);
  return outcome;
};
