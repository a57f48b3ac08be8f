import { existsSync, renameSync, rmSync } from 'node:fs';
import { bucketCount } from '../../../shared/sync/cells';
import { err, ok, type Result } from '../../../shared/result';
import { complaintReminderKinds } from '../complaints';
import type { CustomerRecordsParticipant } from '../customer-records';
import { reindexCustomerSearch } from '../customers';
import { openDatabase, type Db } from '../db/connection';
import { withWritesCaptured } from '../db/replicated';
import { afterRulesChanged, afterWrite, renewAfterSharedFacts } from '../derive';
import { loadAutomerge, type AutomergeApi } from './automerge';
import { bookKeysOf, readDevice, withExchangeKeys, writeDevice, type Device } from './device';
import { docsFolderOf, Documents, sameHeads } from './documents';
import { bookKeyId } from './book-key-seals';
import { learnBookKeys, type KeysLearned } from './book-keys';
import { bookKeyRows, type BookKeyRow } from './book-keys-queries';
import {
  hasBookSnapshotFor,
  nextBundleAfter,
  otherDevices,
  ownBundlesInFolder,
  readBookSnapshot,
  readBundle,
  readKeyFiles,
  removeOwnBundlesBefore,
  writeBookSnapshot,
  bookSnapshotMayHold,
  writeBundle,
  writeKeyFiles,
  type BucketChanges,
} from './folder';
import { customersDeletedForGood } from './cell-values';
import { projectDocuments } from './project';
import { bucketHeads, peerFolderSeq, resetSyncBookkeeping, setExportedHeads, setOwnFolderSeq, setPeerFolderSeq } from './queries';
import { forgetLinks, wipeLinksFromCopy } from './network/queries';
import { recordLocalChanges, type RecordsSent } from './record';
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

export interface FolderSyncInput extends SessionInput {
  folder: string;
  /** Own bundles in the folder beyond which the next is full and replaces them (default 100). */
  bundlesBeforeCompacting?: number;
  /** Progress for the app's job: phases 'record', 'receive' (devices read of all), 'project', 'send', 'leave-book'. */
  report?: (phase: string, done: number, total: number) => void;
}

/** Puts a fetched book file in the book's place: by default (the command line, nothing open) a plain swap. */
export type ReplaceBook = (fetchedFile: string) => Result<null>;

const swapBookFile =
  (bookFile: string): ReplaceBook =>
  (fetchedFile) => {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${bookFile}${suffix}`, { force: true });
    renameSync(fetchedFile, bookFile);
    return ok(null);
  };

/**
 * The book another device sent (through the folder or over the network), in place of this
 * device's empty one: that device's record of what was projected, sent and read, and its links,
 * were that device's, not this one's. `replaceBook`: the app closes its open book, swaps and
 * reopens it (as a restore does).
 */
export const installFetchedBook = (bookFile: string, projectRoot: string, fetchedFile: string, device: Device, replaceBook: ReplaceBook = swapBookFile(bookFile)): Result<null> => {
  const db = openDatabase(fetchedFile, { projectRoot, captureForSharing: false });
  try {
    resetSyncBookkeeping(db);
    forgetLinks(db);
  } finally {
    db.close();
  }
  const replaced = replaceBook(fetchedFile);
  if (!replaced.ok) {
    rmSync(fetchedFile, { force: true });
    return replaced;
  }
  writeDevice(bookFile, { ...device, awaitingBook: false });
  return ok(null);
};

export interface FetchJoinedBookInput extends Pick<FolderSyncInput, 'bookFile' | 'folder' | 'projectRoot'> {
  replaceBook?: ReplaceBook;
}

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
  const installed = installFetchedBook(input.bookFile, input.projectRoot, fetched, device, input.replaceBook);
  return installed.ok ? ok('fetched') : installed;
};

/** A copy of the book about to leave for a joining device, without this device's pairings and links. */
export const wipeLinksFrom = (copyFile: string, projectRoot: string): void => {
  const copy = openDatabase(copyFile, { projectRoot, captureForSharing: false });
  try {
    wipeLinksFromCopy(copy);
  } finally {
    copy.close();
  }
};

/**
 * Leaves a copy of the book in the folder for devices that join (SQLite's online backup, then sealed
 * as it streams), noting which customers deleted for good it was made without.
 */
const leaveBookForJoiners = async (db: Db, input: FolderSyncInput, device: Device, erased: readonly string[]): Promise<void> => {
  const copy = `${input.bookFile}.for-joiners`;
  try {
    await db.backup(copy);
    wipeLinksFrom(copy, input.projectRoot);
    await writeBookSnapshot(input.folder, device.bookId, device.key, bookKeyId(device.key), copy, erased);
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
    const bundle = readBundle(input.folder, device.bookId, peer, bookKeysOf(device), next.seq, next.full);
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

export interface SessionInput {
  bookFile: string;
  /** Every feature holding rows about a customer: a customer merged or deleted on another device takes them along here too. */
  participants: readonly CustomerRecordsParticipant[];
  projectRoot: string;
  now: () => Date;
}

/**
 * One sync of this device's book with what other devices sent, whatever carried it (the shared
 * folder or the shop's network): the steps every transport shares, in the order that keeps the
 * book whole.
 */
export interface SyncSession {
  device: Device;
  automerge: AutomergeApi;
  documents: Documents;
  db: Db;
  /** Records this device's writes since the last time into its documents, in a transaction of its own; answers how many cells. */
  recordWrites: () => number;
  /**
   * The one transaction after the other devices' changes are in the documents: this device's
   * writes are recorded in the same transaction in which the others' are written into the book,
   * so a write made here meanwhile (the app open at the counter) is never overwritten before it
   * is recorded; what projecting changed to keep the book whole (a merge followed) is recorded
   * after it, and goes out with this device's writes next.
   */
  writeReceived: () => { recorded: number; waiting: number };
  /**
   * Takes the book keys sealed for this device — from the book, and the rows found in a shared
   * folder (`folderRows`, kept for the rest of the session) — and answers the device as it now is
   * (book-keys.ts); `writeReceived` does it too, with the rows kept.
   */
  learnKeys: (folderRows?: readonly BookKeyRow[]) => KeysLearned;
}

/** Opens this device's documents and book for one sync, runs `steps`, and always closes the book. */
export const withSyncSession = async <T>(input: SessionInput, steps: (session: SyncSession) => Promise<Result<T>>): Promise<Result<T>> => {
  const stored = readDevice(input.bookFile);
  if (stored === null) return err('INVALID_STATE', { reason: 'not_shared' });
  if (stored.awaitingBook) return err('INVALID_STATE', { reason: 'book_not_fetched' });
  const device = withExchangeKeys(input.bookFile, stored);
  const automerge = await loadAutomerge(input.projectRoot);
  const documents = new Documents(automerge, docsFolderOf(input.bookFile), device.actor);
  const db = openDatabase(input.bookFile, { projectRoot: input.projectRoot, captureForSharing: false, busyTimeoutMs: 10_000 });
  // What this device sent in this sync: its own changes are not projected again, but spending it recorded moves the cut-offs as the others' does.
  const sent: RecordsSent = { tables: new Set(), customers: new Set() };
  const recordHere = () => recordLocalChanges(db, automerge, documents, device.deviceId, input.now(), sent);
  let keptFolderRows: readonly BookKeyRow[] = [];
  const learnKeys = (folderRows?: readonly BookKeyRow[]) => {
    if (folderRows !== undefined) keptFolderRows = folderRows;
    return learnBookKeys(db, input.bookFile, readDevice(input.bookFile) ?? device, keptFolderRows);
  };
  try {
    return await steps({
      device,
      automerge,
      documents,
      db,
      recordWrites: () =>
        db
          .transaction(() => {
            // A joined device registers once its book has arrived; one that shared before the registry, at its next sync.
            registerDevice(db, device.deviceId, device.name ?? defaultDeviceName(), input.now().toISOString(), device.exchange.publicKey, true);
            return recordHere();
          })
          .immediate(),
      writeReceived: () =>
        db
          .transaction(() => {
            let recorded = recordHere();
            const waiting = projectAndDerive(automerge, db, documents, input, device.deviceId, sent);
            recorded += recordHere();
            learnKeys();
            return { recorded, waiting };
          })
          .immediate(),
      learnKeys,
    });
  } finally {
    db.close();
  }
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
export const syncThroughFolder = (input: FolderSyncInput): Promise<Result<FolderSyncOutcome>> =>
  withSyncSession(input, async ({ device, automerge, documents, db, recordWrites, writeReceived, learnKeys }) => {
    if (!existsSync(input.folder)) return err('INVALID_STATE', { reason: 'folder_missing' });
    const report = input.report ?? (() => undefined);
    report('record', 0, 0);
    let recorded = recordWrites();
    let bundlesRead = 0;
    const receive = ({ device: holding, removed }: KeysLearned) => {
      // A removed device's bundles are not read: what it writes after its removal is not the book's.
      const peers = otherDevices(input.folder, device.bookId, device.deviceId).filter((peer) => !removed.has(peer));
      for (const [index, peer] of peers.entries()) {
        report('receive', index, peers.length);
        bundlesRead += db.transaction(() => readPeerBundles(automerge, db, documents, input, holding, peer)).immediate();
      }
      report('project', 0, 0);
      const written = writeReceived();
      recorded += written.recorded;
      return written.waiting;
    };
    writeKeyFiles(input.folder, device.bookId, bookKeyRows(db));
    const holding = learnKeys(readKeyFiles(input.folder, device.bookId));
    let waiting = receive(holding);
    // A key replaced while this device was away may arrive with the others' changes: what it sealed opens now.
    const learned = learnKeys();
    const sealing = learned.device;
    if (bookKeysOf(sealing).some((key) => !bookKeysOf(holding.device).includes(key))) waiting = receive(learned);
    writeKeyFiles(input.folder, device.bookId, bookKeyRows(db));
    report('send', 0, 0);
    const bundlesWritten = writeOwnBundle(automerge, db, documents, input, sealing);
    // Left again when sealed with an older key, or when it may still hold a customer deleted for
    // good since: of every copy of the book, the one in a folder others can reach is the one to go.
    const erased = customersDeletedForGood(automerge, documents);
    if (!hasBookSnapshotFor(input.folder, device.bookId, bookKeyId(sealing.key), (sealing.keyring ?? []).length === 0) || bookSnapshotMayHold(input.folder, device.bookId, erased)) {
      report('leave-book', 0, 0);
      await leaveBookForJoiners(db, input, sealing, erased);
    }
    return ok({ recorded, bundlesWritten, bundlesRead, waiting });
  });

const complaintTables = new Set(['complaints', 'complaint_promises', 'complaint_transitions']);
/** Facts the money cut-offs are drawn from: spending, and who is still in the book. */
const spendingTables = new Set(['visits', 'imported_histories', 'customers']);

/**
 * Writes what the documents hold into the book and brings derived figures up to date; answers how
 * many records wait. `sent`: what this device recorded of its own in this sync — its spending
 * renews the money cut-offs here as it does on the devices that receive it, and a customer it
 * brought back (a merge undone here) takes back what the documents keep for them.
 */
const projectAndDerive = (automerge: AutomergeApi, db: Db, documents: Documents, input: SessionInput, thisDevice: string, sent: RecordsSent): number => {
  const projection = projectDocuments(automerge, db, documents, input.participants, { thisDevice, now: input.now }, sent.customers);
  const ctx = { db, now: input.now };
  const customerIds = [...projection.customerIds];
  reindexCustomerSearch(db, customerIds);
  const tables = projection.tables;
  withWritesCaptured(db, () => {
    afterWrite(ctx, {
      customerIds,
      visitsChanged: true,
      bookReminderKinds: [...tables].some((table) => complaintTables.has(table)) ? complaintReminderKinds : [],
    });
    if (tables.has('settings')) afterRulesChanged(ctx);
    if ([...tables, ...sent.tables].some((table) => spendingTables.has(table))) renewAfterSharedFacts(ctx);
  });
  return projection.waiting;
};

