import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { backupExtension, type BackupContents } from '../../../shared/contract/backup';
import { err, ok, type Result } from '../../../shared/result';
import { latestSchemaVersion } from '../db/migrations';
import { refusalForFsError, refuseFile, refuseFolder } from '../files';
import type { JobContext } from '../jobs';
import { errorCodeForSqlite } from '../sqlite-errors';
import { extractPayload, nameContainer, openContainer, partialFileOf, sealContainer, type OpenedContainer } from './container';
import { quickCheck } from '../db/quick-check';
import { checkBookFile, makeSelfContained, pinBook, readBookFacts, snapshotBook, type BookFacts, type PinnedBook } from './snapshot';

export interface BackupJobInput {
  bookFile: string;
  /** A folder in the data folder for the snapshot while it is checked and written out. */
  stagingDir: string;
  folder: string;
  /** The file name without the extension; "-2", "-3"… is added if it is taken. */
  fileBase: string;
  passphrase: string | null;
  automatic: boolean;
  appVersion: string;
  createdAt: string;
  bookId: string;
}

export interface BackupJobOutput {
  file: string;
  sizeBytes: number;
  counts: Record<string, number>;
  encrypted: boolean;
}

const freeName = (folder: string, base: string): string => {
  for (let attempt = 1; ; attempt += 1) {
    const candidate = path.join(folder, `${base}${attempt === 1 ? '' : `-${attempt}`}${backupExtension}`);
    if (!existsSync(candidate) && !existsSync(`${candidate}.partial`)) return candidate;
  }
};

const checkFolder = async (folder: string): Promise<Result<null>> => {
  try {
    if (!(await stat(folder)).isDirectory()) return refuseFolder('not_a_folder', folder);
    return ok(null);
  } catch (caught) {
    const refusal = refusalForFsError(caught, folder, true, true);
    if (refusal) return refusal;
    throw caught;
  }
};

/** Older than any backup still being written: a partial file this old was left by a backup that was killed. */
const abandonedAfterMs = 10 * 60 * 1000;

/** A backup killed part-way (power cut, app killed) leaves its partial file behind: the next backup into the folder clears it. */
const clearAbandonedPartials = async (folder: string): Promise<void> => {
  const partialSuffix = partialFileOf(backupExtension);
  for (const name of await readdir(folder)) {
    if (!name.endsWith(partialSuffix) && !name.endsWith(`${partialSuffix}-journal`)) continue;
    const file = path.join(folder, name);
    const modified = await stat(file).then((stats) => stats.mtimeMs, () => null);
    if (modified !== null && Date.now() - modified > abandonedAfterMs) await rm(file, { force: true });
  }
};

/**
 * The book held still → check and seal side by side → name. Reports success only after all of it.
 * The live book is pinned (backup/snapshot.ts) and compressed — and encrypted, when asked —
 * straight from its file into the backup folder, so the stick receives a third of the book and
 * the book is read once. Should a write come between, a snapshot is made in the staging folder
 * (on the book's own disk) by SQLite's online backup and sealed from there instead.
 */
export const createBackupFile = async (input: BackupJobInput, job: JobContext): Promise<Result<BackupJobOutput>> => {
  const folderCheck = await checkFolder(input.folder);
  if (!folderCheck.ok) return folderCheck;
  await clearAbandonedPartials(input.folder);
  await mkdir(input.stagingDir, { recursive: true });
  const outFile = freeName(input.folder, input.fileBase);
  const partial = partialFileOf(outFile);
  const snapshot = path.join(input.stagingDir, `snapshot-${process.pid}-${Date.now()}.db`);
  let named = false;
  let pinned: PinnedBook | null = null;
  let checking: Promise<boolean> | null = null;
  try {
    job.report('snapshot', 0, 0);
    pinned = pinBook(input.bookFile, job.projectRoot);
    let source: { file: string; bookBytes?: number; facts: () => Result<BookFacts>; check: () => Promise<boolean> };
    if (pinned !== null) {
      const held = pinned;
      source = {
        file: input.bookFile,
        bookBytes: held.bookBytes,
        facts: held.facts,
        // The check reads the book file on a connection of its own (on a second thread when there is one): what it
        // read is the pinned book only if no write reached the log meanwhile; otherwise the pinned book is checked.
        check: async () => {
          const sound = job.checkAside ? await job.checkAside(input.bookFile) : quickCheck(input.bookFile, job.projectRoot);
          return held.logStillEmpty() ? sound : held.quickCheck();
        },
      };
    } else {
      await snapshotBook(input.bookFile, snapshot, job);
      makeSelfContained(snapshot, job.projectRoot);
      source = {
        file: snapshot,
        facts: () => readBookFacts(snapshot, job.projectRoot),
        check: async () => (job.checkAside ? job.checkAside(snapshot) : quickCheck(snapshot, job.projectRoot)),
      };
    }
    // The check is what the backup waits for last: it starts first, and on its own thread reads while the facts are counted and the book sealed.
    job.report('verify', 0, 0);
    checking = source.check();
    const facts = source.facts();
    if (!facts.ok) return facts;
    const seal = () =>
      sealContainer(
        {
          snapshotFile: source.file,
          ...(source.bookBytes === undefined ? {} : { bookBytes: source.bookBytes }),
          outFile,
          passphrase: input.passphrase,
          facts: {
            bookId: input.bookId || facts.value.bookId,
            appVersion: input.appVersion,
            schemaVersion: facts.value.schemaVersion,
            createdAt: input.createdAt,
            shopName: facts.value.shopName,
            automatic: input.automatic,
            counts: facts.value.counts,
          },
        },
        job,
      );
    const [sound, written] = await settleBoth(checking, seal());
    if (!sound) return err('BOOK_CORRUPT', { reason: 'check' });
    await nameContainer(outFile);
    named = true;
    return ok({ file: outFile, sizeBytes: written.sizeBytes, counts: facts.value.counts, encrypted: input.passphrase !== null });
  } catch (caught) {
    const refusal = refusalForFsError(caught, input.folder, true, true) ?? refusalForSnapshotError(caught);
    if (refusal) return refusal;
    throw caught;
  } finally {
    // However the job ends, the check may still be reading the snapshot removed here.
    await checking?.catch(() => undefined);
    pinned?.release();
    if (!named) await rm(partial, { force: true });
    await rm(snapshot, { force: true });
    await rm(`${snapshot}-journal`, { force: true });
  }
};

/** SQLite writes the snapshot into the staging folder: a disk that is full or failing there is said as such. */
const refusalForSnapshotError = (caught: unknown) => {
  const code = errorCodeForSqlite(caught);
  if (code === 'DISK_FULL' || code === 'STORAGE_FAILED') return err(code);
  return null;
};

/** Both outcomes, waiting for both even when one fails (neither may still be reading the snapshot when it is removed). */
const settleBoth = async <A, B>(first: Promise<A>, second: Promise<B>): Promise<[A, B]> => {
  const [a, b] = await Promise.allSettled([first, second]);
  if (a.status === 'rejected') throw a.reason;
  if (b.status === 'rejected') throw b.reason;
  return [a.value, b.value];
};

export interface RestoreCheckInput {
  file: string;
  /** The name the owner knows the file by (an uploaded file lives under another name here). */
  displayName: string;
  passphrase: string | null;
  /** Where the checked book waits for the owner's confirmation. */
  preparedFile: string;
}

/** What a backup's header says it holds. */
const contentsOf = (file: string, displayName: string, { header, fileSize }: OpenedContainer): BackupContents => ({
  file,
  fileName: displayName,
  sizeBytes: fileSize,
  createdAt: header.createdAt,
  appVersion: header.appVersion,
  schemaVersion: header.schemaVersion,
  shopName: header.shopName,
  counts: header.counts,
  encrypted: header.encryption !== null,
  automatic: header.automatic,
  verified: false,
});

/** Reads a backup's header only: what it says it holds. */
export const readBackupContents = async (file: string, displayName: string): Promise<Result<BackupContents>> => {
  const opened = await openContainer(file);
  return opened.ok ? ok(contentsOf(file, displayName, opened.value)) : renamed(opened, displayName);
};

/**
 * Decrypts (or hash-checks) the whole backup into the prepared file and checks the book in it:
 * what the owner then confirms is what was actually found, not what the header claims.
 */
export const checkBackupFile = async (input: RestoreCheckInput, job: JobContext): Promise<Result<BackupContents>> => {
  const opened = await openContainer(input.file);
  if (!opened.ok) return renamed(opened, input.displayName);
  const contents = contentsOf(input.file, input.displayName, opened.value);
  if (contents.schemaVersion > latestSchemaVersion) {
    return err('BOOK_NEWER_VERSION', { bookVersion: contents.schemaVersion, appVersion: latestSchemaVersion });
  }
  await mkdir(path.dirname(input.preparedFile), { recursive: true });
  const extracted = await extractPayload(input.file, opened.value, input.passphrase, input.preparedFile, job);
  if (!extracted.ok) return renamed(extracted, input.displayName);
  const facts = checkBookFile(input.preparedFile, job);
  if (!facts.ok) {
    await rm(input.preparedFile, { force: true });
    return facts.error.code === 'BOOK_CORRUPT' ? refuseFile('damaged', input.displayName) : facts;
  }
  return ok({ ...contents, schemaVersion: facts.value.schemaVersion, counts: facts.value.counts, shopName: facts.value.shopName, verified: true });
};

/** Refusals name the file as the owner knows it, not as it is stored here. */
const renamed = <T>(result: Result<T>, displayName: string): Result<T> =>
  !result.ok && result.error.code === 'FILE_REFUSED' ? err('FILE_REFUSED', { ...result.error.details, name: path.basename(displayName) }) : result;
