import { existsSync, renameSync, rmSync } from 'node:fs';
import { bucketCount } from '../../../shared/sync/cells';
import { err, ok, type Result } from '../../../shared/result';
import { complaintReminderKinds } from '../complaints';
import type { CustomerRecordsParticipant } from '../customer-records';
import { reindexCustomerSearch } from '../customers';
import { openDatabase, type Db } from '../db/connection';
import { afterRulesChanged, afterWrite, renewAfterSharedFacts } from '../derive';
import { loadAutomerge, type AutomergeApi } from './automerge';
import { readDevice, writeDevice, type Device } from './device';
import { docsFolderOf, Documents, sameHeads } from './documents';
import { hasBookSnapshot, nextBundleAfter, ownBundlesInFolder, removeOwnBundlesBefore, otherDevices, readBookSnapshot, readBundle, writeBookSnapshot, writeBundle, type BucketChanges } from './folder';
import { projectDocuments } from './project';
import { bucketHeads, peerFolderSeq, resetSyncBookkeeping, setExportedHeads, setOwnFolderSeq, setPeerFolderSeq } from './queries';
import { recordLocalChanges } from './record';
import { defaultDeviceName, registerDevice } from './registry';

export interface FolderSyncOutcome {
  /** Cells this device recorded and bundles it wrote. */
  recorded: number;
  bundlesWritten: number;
  /** Other devices' bundles read. */
  bundlesRead: number;
  /** Records that wait for what they point at (another device's bundle not yet in the folder). */
  waiting: number;
}

export interface FolderSyncInput {
  bookFile: string;
  /** Every feature holding rows about a customer: a customer merged or deleted on another device takes them along here too. */
  participants: readonly CustomerRecordsParticipant[];
  projectRoot: string;
  folder: string;
  now: () => Date;
  /** Own bundles in the folder beyond which the next is full and replaces them (default 100). */
  bundlesBeforeCompacting?: number;
  /** Progress for the app's job: phases 'record', 'receive' (devices read of all), 'project', 'send', 'leave-book'. */
  report?: (phase: string, done: number, total: number) => void;
}

export interface FetchJoinedBookInput extends Pick<FolderSyncInput, 'bookFile' | 'folder' | 'projectRoot'> {
  /**
   * Puts the fetched file in the book's place. The app closes its open book, swaps and reopens it
   * (as a restore does); by default (the CLI, nothing open) the file is simply swapped.
   */
  replaceBook?: (fetchedFile: string) => Result<null>;
}

const swapBookFile = (bookFile: string) => (fetchedFile: string): Result<null> => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${bookFile}${suffix}`, { force: true });
  renameSync(fetchedFile, bookFile);
  return ok(null);
};

/**
 * A device that joined fetches the book from the folder before anything else: its own book file is
 * replaced by the one the inviting device left there; what happened since arrives as bundles.
 */
export const fetchJoinedBook = async (input: FetchJoinedBookInput): Promise<Result<'fetched' | 'not-needed'>> => {
  const device = readDevice(input.bookFile);
  if (device === null) return err('INVALID_STATE', { reason: 'not_shared' });
  if (!device.awaitingBook) return ok('not-needed');
  const fetched = `${input.bookFile}.joining`;
  if (!(await readBookSnapshot(input.folder, device.bookId, device.key, fetched))) return err('INVALID_STATE', { reason: 'book_not_in_folder' });
  const db = openDatabase(fetched, { projectRoot: input.projectRoot, captureForSharing: false });
  try {
    resetSyncBookkeeping(db);
  } finally {
    db.close();
  }
  const replaced = (input.replaceBook ?? swapBookFile(input.bookFile))(fetched);
  if (!replaced.ok) {
    rmSync(fetched, { force: true });
    return replaced;
  }
  writeDevice(input.bookFile, { ...device, awaitingBook: false });
  return ok('fetched');
};

/** Leaves a copy of the book in the folder for devices that join (SQLite's online backup, then sealed as it streams). */
const leaveBookForJoiners = async (db: Db, input: FolderSyncInput, device: Device): Promise<void> => {
  const copy = `${input.bookFile}.for-joiners`;
  try {
    await db.backup(copy);
    await writeBookSnapshot(input.folder, device.bookId, device.key, copy);
  } finally {
    rmSync(copy, { force: true });
  }
};

/**
 * Every change this device holds that it has not yet written to the folder (its own and those it
 * relays); with `everything`, every change it holds at all (a full bundle).
 */
const unsentChanges = (automerge: AutomergeApi, db: Db, documents: Documents, everything: boolean): { changes: BucketChanges[]; heads: Map<number, string[]> } => {
  const changes: BucketChanges[] = [];
  const heads = new Map<number, string[]>();
  for (const bucket of documents.stored()) {
    const doc = documents.get(bucket);
    const now = automerge.getHeads(doc);
    const exported = everything ? [] : bucketHeads(db, bucket).exported;
    if (sameHeads(now, exported)) continue;
    for (const change of automerge.getChangesSince(doc, exported)) changes.push([bucket, change]);
    heads.set(bucket, now);
  }
  return { changes, heads };
};

/** Applies another device's bundles in order from where this book left off; answers how many were read. */
const readPeerBundles = (automerge: AutomergeApi, db: Db, documents: Documents, input: FolderSyncInput, device: Device, peer: string): number => {
  let read = 0;
  for (let next = nextBundleAfter(input.folder, device.bookId, peer, peerFolderSeq(db, peer)); next !== null; next = nextBundleAfter(input.folder, device.bookId, peer, next.seq)) {
    const bundle = readBundle(input.folder, device.bookId, peer, device.key, next.seq, next.full);
    if (bundle === null) break;
    const byBucket = new Map<number, Uint8Array[]>();
    for (const [bucket, change] of bundle) {
      if (bucket >= bucketCount) continue;
      byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), change]);
    }
    let complete = true;
    for (const [bucket, changes] of byBucket) {
      const [applied] = automerge.applyChanges(documents.get(bucket), changes);
      // Changes whose earlier changes have not arrived wait in memory only: read this bundle again later.
      if (automerge.getMissingDeps(applied, []).length > 0) complete = false;
      documents.set(bucket, applied);
    }
    documents.save();
    if (!complete) break;
    setPeerFolderSeq(db, peer, next.seq, input.now().toISOString());
    read += 1;
  }
  return read;
};

/** Own bundles in a folder beyond which the next is written full and the earlier ones removed. */
const bundlesBeforeCompacting = 100;

/**
 * Writes this device's unsent changes as its next bundle. A folder without this device's earlier
 * bundles (a new USB stick, a folder emptied) gets a full bundle, so the devices that read only
 * this folder miss nothing; numbers only grow, so a device that read the earlier ones elsewhere
 * reads on. When its bundles have piled up, the next is full and replaces them. Answers how many
 * bundles were written.
 */
const writeOwnBundle = (automerge: AutomergeApi, db: Db, documents: Documents, input: FolderSyncInput, device: Device): number => {
  const lastWritten = peerFolderSeq(db, device.deviceId);
  const here = ownBundlesInFolder(input.folder, device.bookId, device.deviceId);
  const freshFolder = here.last < lastWritten;
  const compacting = here.count >= (input.bundlesBeforeCompacting ?? bundlesBeforeCompacting);
  const news = unsentChanges(automerge, db, documents, false);
  if (news.changes.length === 0 && !freshFolder) return 0;
  const full = freshFolder || compacting;
  const unsent = full ? unsentChanges(automerge, db, documents, true) : news;
  if (unsent.changes.length === 0) return 0;
  const seq = Math.max(lastWritten, here.last) + 1;
  writeBundle(input.folder, device.bookId, device.deviceId, device.key, seq, full, unsent.changes);
  db.transaction(() => {
    for (const [bucket, heads] of unsent.heads) setExportedHeads(db, bucket, heads);
    setOwnFolderSeq(db, device.deviceId, seq);
  })();
  if (compacting) removeOwnBundlesBefore(input.folder, device.bookId, device.deviceId, seq);
  return 1;
};

/**
 * One sync through a shared folder: this device's writes are recorded into its documents and
 * written to the folder as a bundle; the other devices' new bundles are applied; the book is brought
 * up to what the documents hold, and the derived figures of every customer it touched follow. The
 * first device to sync leaves the book in the folder for devices that join.
 */
export const syncThroughFolder = async (input: FolderSyncInput): Promise<Result<FolderSyncOutcome>> => {
  const device = readDevice(input.bookFile);
  if (device === null) return err('INVALID_STATE', { reason: 'not_shared' });
  if (device.awaitingBook) return err('INVALID_STATE', { reason: 'book_not_fetched' });
  if (!existsSync(input.folder)) return err('INVALID_STATE', { reason: 'folder_missing' });
  const automerge = await loadAutomerge(input.projectRoot);
  const documents = new Documents(automerge, docsFolderOf(input.bookFile), device.actor);
  const db = openDatabase(input.bookFile, { projectRoot: input.projectRoot, captureForSharing: false, busyTimeoutMs: 10_000 });
  try {
    const report = input.report ?? (() => undefined);
    const recordHere = () => recordLocalChanges(db, automerge, documents, device.deviceId, input.now());
    report('record', 0, 0);
    let recorded = db
      .transaction(() => {
        // A joined device registers once its book has arrived; one that shared before the registry, at its next sync.
        registerDevice(db, device.deviceId, device.name ?? defaultDeviceName(), input.now().toISOString(), true);
        return recordHere();
      })
      .immediate();
    let bundlesRead = 0;
    const peers = otherDevices(input.folder, device.bookId, device.deviceId);
    for (const [index, peer] of peers.entries()) {
      report('receive', index, peers.length);
      bundlesRead += db.transaction(() => readPeerBundles(automerge, db, documents, input, device, peer)).immediate();
    }
    report('project', 0, 0);
    // This device's writes are recorded in the same transaction as the others' are written: a write
    // made here meanwhile (the app open at the counter) is never overwritten before it is recorded.
    // What projecting changed to keep the book whole (a merge followed) is recorded after it, and
    // goes out with this device's writes.
    const waiting = db
      .transaction(() => {
        recorded += recordHere();
        const waitingRecords = projectAndDerive(automerge, db, documents, input, device.deviceId);
        recorded += recordHere();
        return waitingRecords;
      })
      .immediate();
    report('send', 0, 0);
    const bundlesWritten = writeOwnBundle(automerge, db, documents, input, device);
    if (!hasBookSnapshot(input.folder, device.bookId)) {
      report('leave-book', 0, 0);
      await leaveBookForJoiners(db, input, device);
    }
    return ok({ recorded, bundlesWritten, bundlesRead, waiting });
  } finally {
    db.close();
  }
};

const complaintTables = new Set(['complaints', 'complaint_promises', 'complaint_transitions']);
/** Facts the money cut-offs are drawn from: spending, and who is still in the book. */
const spendingTables = new Set(['visits', 'imported_histories', 'customers']);

/** Writes what the documents hold into the book and brings derived figures up to date; answers how many records wait. */
const projectAndDerive = (automerge: AutomergeApi, db: Db, documents: Documents, input: FolderSyncInput, thisDevice: string): number => {
  const projection = projectDocuments(automerge, db, documents, input.participants, { thisDevice, now: input.now });
  const ctx = { db, now: input.now };
  const customerIds = [...projection.customerIds];
  reindexCustomerSearch(db, customerIds);
  const tables = projection.tables;
  afterWrite(ctx, {
    customerIds,
    visitsChanged: true,
    bookReminderKinds: [...tables].some((table) => complaintTables.has(table)) ? complaintReminderKinds : [],
  });
  if (tables.has('settings')) afterRulesChanged(ctx);
  if ([...tables].some((table) => spendingTables.has(table))) renewAfterSharedFacts(ctx);
  return projection.waiting;
};

