import { bucketOf, cellKey, deletedColumn, lastContentColumn, mergedIntoColumn, parseCellKey, type CellScalar, type CellValue } from '../../../shared/sync/cells';
import { forgetCustomerSearch } from '../customers';
import { undoMergesInto } from '../merge';
import type { CustomerRecordsParticipant } from '../customer-records';
import type { Db } from '../db/connection';
import { replicatedTable, replicatedTables, withWritesCaptured, type ReplicatedTable } from '../db/replicated';
import type { AutomergeApi } from './automerge';
import { Arrivals, latestOf, listField, staffOf } from './arrivals';
import { cellValues, purgeOf } from './cell-values';
import { recordAudit } from '../audit';
import { sameHeads, type Doc, type Documents } from './documents';
import {
  anyRecordHeld,
  bucketHeads,
  clearConflict,
  forgetConflictsOfGoneRecords,
  holdRecord,
  customerRid,
  deleteRecord,
  mergedInto,
  noteForSending,
  recordsNaming,
  insertRecord,
  readRecord,
  recordExists,
  replaceList,
  setConflict,
  releaseRecord,
  setProjectedHeads,
  survivorsOf,
  updateRecord,
  wasAbsorbed,
} from './queries';

interface Touched {
  table: ReplicatedTable;
  rowKey: string;
  bucket: number;
}

/** Columns that follow others (a name's search key) or every edit (its time): two values there are no news to the owner. */
const quietColumns = new Set(['created_at', 'updated_at', 'name_key', 'email_key']);

const customersTable = replicatedTable('customers')!;

const tableOrder = new Map(replicatedTables.map((table, index) => [table.name, index]));

/** The customers a record belongs to, before and after: their derived figures and search rows follow. */
const customersOf = (table: ReplicatedTable, rowKey: string, record: Record<string, CellScalar> | null, values: Record<string, CellScalar>): string[] => {
  // A customer, their lists and their referral are keyed by the customer.
  const ids: string[] = table.name === 'customers' || table.name === 'referrals' || table.list !== undefined ? [rowKey] : [];
  for (const column of table.customerColumns ?? []) {
    for (const value of [record?.[column], values[column]]) if (typeof value === 'string') ids.push(value);
  }
  return ids;
};

/** A record that points at what has not arrived yet (a customer in a bundle not read): written on a later sync. */
class NotYetArrived extends Error {}

interface ProjectContext {
  automerge: AutomergeApi;
  db: Db;
  documents: Documents;
  participants: readonly CustomerRecordsParticipant[];
  /** What came from other devices, for the audit trail: one entry per record (a customer with their phones and tags is one). */
  arrivals: Arrivals;
  /** Customers written back into this book after a merge had taken them away (it was undone elsewhere). */
  cameBack: string[];
}

/**
 * Whether the owner deleted this customer for good on some device. Final: it stands whatever a
 * device that had not heard of it did meanwhile — a merge undone there writes the customer back
 * as not deleted, and must not bring them back.
 */
const isPurged = (ctx: ProjectContext, customerId: string): boolean => purgeOf(ctx.automerge, ctx.documents, customerId) !== undefined;

const shownIn = (ctx: ProjectContext, table: string, rowKey: string, column: string): CellScalar | undefined =>
  cellValues(ctx.automerge, ctx.documents.get(bucketOf(table, rowKey)), cellKey(table, rowKey, column))[0]?.value;

const isDeletedIn = (ctx: ProjectContext, table: string, rowKey: string): boolean => {
  const deleted = shownIn(ctx, table, rowKey, deletedColumn) === true;
  if (table !== 'customers') return deleted;
  if (isPurged(ctx, rowKey)) return true;
  // Merged into a customer deleted for good on a device that never saw the merge: it did not stand.
  const survivor = shownIn(ctx, table, rowKey, mergedIntoColumn);
  return deleted && !(typeof survivor === 'string' && isPurged(ctx, survivor));
};

/**
 * Where a record naming this customer belongs now: the customer; the customer they were merged into
 * (while the merge stands); nowhere, when they were deleted for good; or not known yet.
 */
const customerNow = (ctx: ProjectContext, customerId: string): string | 'gone' => {
  let id = customerId;
  for (let hops = 0; hops < 32; hops += 1) {
    // Deleted for good outranks a merge made apart: what was logged for them goes, not to the survivor.
    if (isPurged(ctx, id)) return 'gone';
    if (recordExists(ctx.db, customersTable, id)) return id;
    const survivor = mergedInto(ctx.db, id);
    if (survivor === null) break;
    id = survivor;
  }
  if (isDeletedIn(ctx, 'customers', id)) return 'gone';
  throw new NotYetArrived(`customer ${customerId} has not arrived`);
};

/**
 * Another device deleted or merged away a customer this book still has: whatever still names them
 * here (a visit logged on this device meanwhile) follows the merge or goes with the customer, as on
 * the device that did it — and is sent, so every device ends the same. Answers the survivor they
 * went to, if any.
 */
const removeCustomer = (ctx: ProjectContext, customerId: string): string[] => {
  const { db } = ctx;
  const rid = customerRid(db, customerId);
  if (rid === null) return [];
  for (const table of replicatedTables) {
    for (const column of table.customerColumns ?? []) for (const key of recordsNaming(db, table, column, customerId)) noteForSending(db, table, key);
  }
  const survivor = isPurged(ctx, customerId) ? null : mergedInto(db, customerId);
  const survivorRid = survivor === null ? null : customerRid(db, survivor);
  if (survivor !== null && survivorRid !== null) {
    for (const participant of ctx.participants) participant.moveForMerge(db, { id: survivor, rid: survivorRid }, { id: customerId, rid });
  } else {
    // What refers to another feature's records goes first (a referral reward names a visit), in
    // the order a purge on one device takes: the other way round, the visit's deletion broke the
    // reward's reference, and the customer was held here for ever. Captured, as that purge is:
    // what it deletes here that travelled to other devices (the reminder of a reward earned here)
    // is deleted there too.
    withWritesCaptured(db, () => {
      for (const participant of [...ctx.participants].reverse()) participant.purge(db, customerId);
    });
  }
  for (const table of replicatedTables) if (table.list !== undefined) replaceList(db, table, customerId, []);
  forgetCustomerSearch(db, rid);
  deleteRecord(db, customersTable, customerId);
  // The survivor's figures follow what it took in (its own record may not have changed at all).
  return survivor !== null && survivorRid !== null ? [survivor] : [];
};

/** Writes one record as the documents now say, and its fields' conflicts; answers the customers it touched. */
const projectRecord = (ctx: ProjectContext, touched: Touched): string[] => {
  const { automerge, db } = ctx;
  const { table, rowKey } = touched;
  const doc = ctx.documents.get(touched.bucket);
  if (table.list !== undefined) {
    const cells = cellValues(automerge, doc, cellKey(table.name, rowKey, 'rows'));
    // A list given two values while apart (phones, tags: edited whole) is shown to the owner too.
    if (cells.length > 1 && table.showsConflicts === true) setConflict(db, table.name, rowKey, 'rows', JSON.stringify(cells));
    else clearConflict(db, table.name, rowKey, 'rows');
    const [cell] = cells;
    if (cell === undefined || typeof cell.value !== 'string' || !recordExists(db, customersTable, rowKey)) return [];
    const listBefore = readRecord(db, table, rowKey);
    if (JSON.stringify(listBefore) === cell.value) return [rowKey];
    replaceList(db, table, rowKey, JSON.parse(cell.value) as CellScalar[][]);
    ctx.arrivals.note(table, rowKey, null, 'update', cell, { [listField(table)]: listBefore }, { [listField(table)]: JSON.parse(cell.value) });
    return [rowKey];
  }
  const before = readRecord(db, table, rowKey) as Record<string, CellScalar> | null;
  const drop = (): string[] => {
    if (before === null) return [];
    deleteRecord(db, table, rowKey);
    noteForSending(db, table, rowKey);
    return customersOf(table, rowKey, before, {});
  };
  const shownValue = (column: string) => cellValues(automerge, doc, cellKey(table.name, rowKey, column))[0]?.value;
  const outlives = table.outlivesDeletion?.(Object.fromEntries(table.cells.map((column) => [column, shownValue(column)]))) === true;
  if (isDeletedIn(ctx, table.name, rowKey) && !outlives) {
    // Noted once it is gone: a deletion that must wait (what points at it has not gone yet) did not happen.
    const noteDeletion = () => {
      const deletion = cellValues(automerge, doc, cellKey(table.name, rowKey, deletedColumn))[0];
      if (before !== null && deletion !== undefined) ctx.arrivals.note(table, rowKey, before, 'delete', deletion, before, null);
    };
    if (table.name === 'customers') {
      const survivors = removeCustomer(ctx, rowKey);
      noteDeletion();
      return survivors;
    }
    if (before !== null) deleteRecord(db, table, rowKey);
    noteDeletion();
    return customersOf(table, rowKey, before, {});
  }
  for (const column of table.goesWithCustomers ?? []) {
    const named = shownValue(column);
    if (typeof named === 'string' && isPurged(ctx, named)) return drop();
  }
  // A referral is keyed by the referred customer: gone or merged away, it went with them.
  if (table.name === 'referrals' && customerNow(ctx, rowKey) !== rowKey) return drop();
  const last = shownValue(lastContentColumn);
  // A record kept though deleted elsewhere is written whole: its fields as they were, then the documents' own.
  const values: Record<string, CellScalar> = before === null && typeof last === 'string' ? (JSON.parse(last) as Record<string, CellScalar>) : {};
  const shownCells = new Map<string, CellValue>();
  const cellsOf = new Map(table.cells.map((column) => [column, cellValues(automerge, doc, cellKey(table.name, rowKey, column))]));
  // A value the rule prefers (a person's decision on a reminder) brings that device's values of the
  // other fields — its closing time, who closed it, the outcome — so the record stays whole and
  // passes its checks. By device, not by the time of the decision: the device may have changed some
  // of them in a later sync (reopened and closed again), and a field taken from another device then
  // broke the record's rule (done, yet never closed) and held it on every device.
  // Where that device's value of a field was since replaced by a third device's (which read it, and
  // closed the reminder again), the field is not taken from a device the rule overruled either: its
  // "open" lost, and its empty closing time beside the decision broke the rule the same way.
  let decision: CellValue | undefined;
  let overruled = new Set<string>();
  for (const [column, cells] of cellsOf) {
    const preferred = cells.length > 1 ? table.prefer?.(column, cells.map((cell) => cell.value)) : null;
    if (decision !== undefined || preferred === null || preferred === undefined) continue;
    decision = cells.find((cell) => cell.value === preferred);
    overruled = new Set(cells.filter((cell) => cell.value !== preferred).map((cell) => cell.device));
  }
  const standing = (cells: readonly CellValue[]): CellValue | undefined =>
    decision === undefined ? undefined : (cells.find((cell) => cell.device === decision.device) ?? cells.find((cell) => !overruled.has(cell.device)));
  for (const [column, cells] of cellsOf) {
    if (cells.length > 1 && table.showsConflicts === true && !quietColumns.has(column)) setConflict(db, table.name, rowKey, column, JSON.stringify(cells));
    else clearConflict(db, table.name, rowKey, column);
    const shown = standing(cells) ?? cells[0];
    if (shown === undefined) continue;
    shownCells.set(column, shown);
    const localTable = table.localReferences?.[column];
    values[column] = localTable !== undefined && typeof shown.value === 'string' && !recordExists(db, localRows(localTable), shown.value) ? null : shown.value;
  }
  if (table.agreeing !== undefined) Object.assign(values, table.agreeing(values));
  let redirected = false;
  for (const column of table.customerColumns ?? []) {
    const named = values[column];
    if (typeof named !== 'string') continue;
    const now = customerNow(ctx, named);
    if (now === 'gone') return drop();
    if (now !== named) {
      values[column] = now;
      redirected = true;
    }
  }
  const owner = table.belongsTo;
  const ownerKey = owner === undefined ? null : values[owner.column];
  if (owner !== undefined && typeof ownerKey === 'string' && goneForGood(ctx, owner.table, ownerKey)) return drop();
  const changed = Object.keys(values).filter((column) => before === null || before[column] !== values[column]);
  if (before === null) insertRecord(db, table, { ...values, ...table.derivedOnInsert?.(values) });
  else updateRecord(db, table, rowKey, Object.fromEntries(changed.map((column) => [column, values[column]!])));
  if (before === null && table === customersTable && wasAbsorbed(db, rowKey)) ctx.cameBack.push(rowKey);
  const author = latestOf(changed.flatMap((column) => shownCells.get(column) ?? []));
  if (author !== undefined) {
    const pick = (record: Readonly<Record<string, CellScalar>>) => Object.fromEntries(changed.filter((column) => !quietColumns.has(column)).map((column) => [column, record[column]]));
    ctx.arrivals.note(table, rowKey, values, before === null ? 'create' : 'update', author, before === null ? null : pick(before), pick(values));
  }
  if (redirected) noteForSending(db, table, rowKey);
  return customersOf(table, rowKey, before, values);
};

/**
 * Whether a record is gone from this book for good: deleted, or the customer it names deleted. A
 * complaint logged on one device while another purged its customer is never written anywhere, so
 * the promises and steps that belong to it must not be either (they would break their reference).
 */
const goneForGood = (ctx: ProjectContext, tableName: string, rowKey: string): boolean => {
  const table = replicatedTable(tableName);
  if (table === undefined || recordExists(ctx.db, table, rowKey)) return false;
  if (isDeletedIn(ctx, tableName, rowKey)) return true;
  const doc = ctx.documents.get(bucketOf(tableName, rowKey));
  return (table.customerColumns ?? []).some((column) => {
    const named = cellValues(ctx.automerge, doc, cellKey(tableName, rowKey, column))[0]?.value;
    return typeof named === 'string' && customerNow(ctx, named) === 'gone';
  });
};

/** Tables whose records are keyed by the customer they belong to: their referral, phones and tags. */
const keyedByCustomer = replicatedTables.filter((table) => table.name === 'referrals' || table.list !== undefined);

/**
 * What the documents hold keyed by a customer who came back. While the merge stood here, those
 * records were set aside (a referral of a customer merged away goes with them; a list waits for its
 * customer) and their cells need not change again when the merge is undone on another device — a
 * referral made here while the merge was made there came back on no device but the one that undid it.
 */
const keptAsideFor = (ctx: ProjectContext, customerId: string): Touched[] => [
  ...keyedByCustomer.flatMap((table) => {
    const bucket = bucketOf(table.name, customerId);
    const column = table.list === undefined ? table.key : 'rows';
    return ctx.documents.get(bucket)[cellKey(table.name, customerId, column)] === undefined ? [] : [{ table, rowKey: customerId, bucket }];
  }),
  ...followedTheMerge(ctx, customerId),
];

/** Tables whose records name a customer (visits, answers, complaints, reminders…). */
const namingCustomers = replicatedTables.filter((table) => (table.customerColumns ?? []).length > 0);

/**
 * Records that arrived for the customer while a merge stood here and were written under the
 * survivor (a visit logged for them on another device): the documents still name the customer, so
 * their cells need not change again when the merge is undone — the undo itself puts back only what
 * the merge moved, and the visit stayed with the survivor on this device alone.
 */
const followedTheMerge = (ctx: ProjectContext, customerId: string): Touched[] =>
  survivorsOf(ctx.db, customerId).flatMap((survivor) =>
    namingCustomers.flatMap((table) =>
      (table.customerColumns ?? []).flatMap((column) =>
        recordsNaming(ctx.db, table, column, survivor).flatMap((rowKey) => {
          const bucket = bucketOf(table.name, rowKey);
          const named = cellValues(ctx.automerge, ctx.documents.get(bucket), cellKey(table.name, rowKey, column))[0]?.value;
          return named === customerId ? [{ table, rowKey, bucket }] : [];
        }),
      ),
    ),
  );

const mergesTable = replicatedTable('customer_merges')!;

/**
 * What a purge that arrives must take from this book beyond the customer's own records: what was
 * logged for them and moved to a survivor by a merge that stood here (the purge never saw it there;
 * the documents still name the customer), and the merges naming them (their snapshots hold the
 * customer, and an undo would bring them back). Nothing in their cells changed, so nothing else
 * makes this device write them again.
 */
const reachedThroughMerges = (ctx: ProjectContext, customerId: string): Touched[] => [
  ...followedTheMerge(ctx, customerId),
  ...(mergesTable.goesWithCustomers ?? []).flatMap((column) =>
    recordsNaming(ctx.db, mergesTable, column, customerId).map((rowKey) => ({ table: mergesTable, rowKey, bucket: bucketOf(mergesTable.name, rowKey) })),
  ),
];

/** A device's own table, looked up by id (a reminder a win-back attempt names). */
const localRows = (name: string): ReplicatedTable => ({ name, key: 'id', cells: [] });

export interface Projection {
  customerIds: Set<string>;
  /** The tables whose records were written. */
  tables: Set<string>;
  /** Records that could not be written yet (what they point at has not arrived): tried again next sync. */
  waiting: number;
}

/**
 * The cells the changes since `projected` wrote. From nothing, the diff names every cell. After that
 * every write counts, read from the changes themselves: a value entered apart that arrives where a
 * cell already holds two, and does not win, changes nothing a diff reports — yet the values shown
 * as a conflict, and a rule that picks among them (a reminder's decision), must see it.
 */
const cellsWrittenSince = (automerge: AutomergeApi, doc: Doc, projected: string[], heads: string[]): Set<string> => {
  const keys = new Set<string>();
  if (projected.length === 0) {
    for (const patch of automerge.diff(doc, projected, heads)) if (typeof patch.path[0] === 'string') keys.add(patch.path[0]);
    return keys;
  }
  for (const change of automerge.getChangesSince(doc, projected)) {
    for (const op of automerge.decodeChange(change).ops) if (op.obj === '_root') keys.add(op.key);
  }
  return keys;
};

/**
 * Brings the book's records up to what the documents hold: for each bucket, the cells changed since
 * the heads it was last projected from are written, records in the order their references need
 * (staff and customers before what points at them). A record that cannot be written yet leaves its
 * bucket's heads where they were, so the next sync writes it again; writing is idempotent. Runs in
 * the caller's transaction, on a connection that does not capture (the changes are not this
 * device's to send).
 */
export const projectDocuments = (
  automerge: AutomergeApi,
  db: Db,
  documents: Documents,
  participants: readonly CustomerRecordsParticipant[],
  audit: { thisDevice: string; now: () => Date },
  customersSent: ReadonlySet<string> = new Set(),
): Projection => {
  const arrivals = new Arrivals(audit.thisDevice);
  const ctx: ProjectContext = { automerge, db, documents, participants, arrivals, cameBack: [] };
  const records = new Map<string, Touched>();
  const headsNow = new Map<number, string[]>();
  for (const bucket of documents.stored()) {
    const doc = documents.get(bucket);
    const heads = automerge.getHeads(doc);
    const { projected } = bucketHeads(db, bucket);
    if (sameHeads(heads, projected)) continue;
    headsNow.set(bucket, heads);
    for (const key of cellsWrittenSince(automerge, doc, projected, heads)) {
      const address = parseCellKey(key);
      const table = address === null ? undefined : replicatedTable(address.table);
      if (address === null || table === undefined) continue;
      records.set(`${table.name}/${address.rowKey}`, { table, rowKey: address.rowKey, bucket });
    }
  }
  // A purge that arrived first gives back the customers merges standing here took into the purged
  // one (the purge never saw those merges; they are not the customer it erased), then reaches what
  // merges here moved for the customer, and the merges: found before anything is written, while
  // those merges are still in the book (their deletion may be in this very sync, from a device that
  // had the purge already).
  for (const touched of [...records.values()]) {
    const purge = touched.table === customersTable ? purgeOf(automerge, documents, touched.rowKey) : undefined;
    if (purge === undefined) continue;
    const back = withWritesCaptured(db, () => undoMergesInto(db, participants, touched.rowKey, audit.now().toISOString()));
    for (const customerId of back) {
      // The owner here sees the customer back from a merge nobody undid: the trail says why, and where.
      recordAudit(
        { db, now: audit.now, session: { role: 'system', staffId: staffOf(db, purge) } },
        { action: 'sync.merge_undone', entity: 'customer', entityId: customerId, before: { mergedIntoId: touched.rowKey }, deviceId: purge.device },
      );
      for (const kept of [{ table: customersTable, rowKey: customerId, bucket: bucketOf(customersTable.name, customerId) }, ...keptAsideFor(ctx, customerId)]) {
        records.set(`${kept.table.name}/${kept.rowKey}`, kept);
      }
    }
    for (const reached of reachedThroughMerges(ctx, touched.rowKey)) records.set(`${reached.table.name}/${reached.rowKey}`, reached);
  }
  // A customer this device brought back itself (a merge undone here) takes back what the documents
  // keep for them and arrived while the merge stood here: it is not among the cells that changed.
  for (const customerId of customersSent) {
    if (!recordExists(db, customersTable, customerId) || !wasAbsorbed(db, customerId)) continue;
    // Their profile as the documents hold it, not as the undo's snapshot had it (record.ts: backByUndo).
    records.set(`customers/${customerId}`, { table: customersTable, rowKey: customerId, bucket: bucketOf(customersTable.name, customerId) });
    for (const touched of keptAsideFor(ctx, customerId)) records.set(`${touched.table.name}/${touched.rowKey}`, touched);
  }
  const ordered = [...records.values()].sort((left, right) => (tableOrder.get(left.table.name) ?? 0) - (tableOrder.get(right.table.name) ?? 0));
  const customerIds = new Set<string>();
  const tables = new Set(ordered.map((touched) => touched.table.name));
  const waitingBuckets = new Set<number>();
  let waiting = 0;
  // Deletions last and in reverse: what points at a record goes before the record itself.
  const deleted = (touched: Touched) =>
    isDeletedIn(ctx, touched.table.name, touched.rowKey) && touched.table.outlivesDeletion === undefined;
  const writes = ordered.filter((touched) => !deleted(touched));
  const deletions = ordered.filter(deleted).reverse();
  const someHeld = anyRecordHeld(db);
  const at = audit.now().toISOString();
  const pending = [...writes, ...deletions];
  for (let next = 0; next < pending.length; next += 1) {
    const touched = pending[next]!;
    try {
      // Each record in a savepoint of its own: one that must wait leaves nothing half written.
      for (const id of db.transaction(() => projectRecord(ctx, touched))()) customerIds.add(id);
      if (someHeld) releaseRecord(db, touched.table.name, touched.rowKey);
      for (const customerId of ctx.cameBack.splice(0)) pending.push(...keptAsideFor(ctx, customerId));
    } catch (caught) {
      const breaksRule = caught instanceof Error && 'code' in caught && String(caught.code).startsWith('SQLITE_CONSTRAINT');
      if (!(caught instanceof NotYetArrived) && !breaksRule) throw caught;
      holdRecord(db, touched.table.name, touched.rowKey, breaksRule ? 'breaks_rule' : 'missing_reference', (caught as Error).message, at);
      waiting += 1;
      waitingBuckets.add(touched.bucket);
    }
  }
  for (const [bucket, heads] of headsNow) if (!waitingBuckets.has(bucket)) setProjectedHeads(db, bucket, heads);
  for (const table of replicatedTables) if (table.showsConflicts === true) forgetConflictsOfGoneRecords(db, table);
  arrivals.record(db, audit.now);
  return { customerIds, tables, waiting };
};
