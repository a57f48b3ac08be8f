import { existsSync } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { backupExtension, type BackupContents } from '../../../shared/contract/backup';
import { err, ok, type Result } from '../../../shared/result';
import { latestSchemaVersion } from '../db/migrations';
import { refuseFile, refuseFolder, refusalForFsError } from '../files/refuse';
import type { JobContext } from '../jobs/types';
import { extractPayload, openContainer, writeContainer } from './container';
import { checkBookFile, makeSelfContained, quickCheck, readBookFacts, snapshotBook } from './snapshot';

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

/** Snapshot → check → write (encrypted or not) → read back. Reports success only after all of it. */
export const createBackupFile = async (input: BackupJobInput, job: JobContext): Promise<Result<BackupJobOutput>> => {
  const folderCheck = await checkFolder(input.folder);
  if (!folderCheck.ok) return folderCheck;
  await mkdir(input.stagingDir, { recursive: true });
  const snapshot = path.join(input.stagingDir, `snapshot-${process.pid}-${Date.now()}.db`);
  try {
    await snapshotBook(input.bookFile, snapshot, job);
    makeSelfContained(snapshot, job.projectRoot);
    const facts = readBookFacts(snapshot, job.projectRoot);
    if (!facts.ok) return facts;
    const outFile = freeName(input.folder, input.fileBase);
    const write = () =>
      writeContainer(
        {
          snapshotFile: snapshot,
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
    try {
      // The check and the writing both only read the snapshot: on a second thread they overlap.
      job.report('verify', 0, 0);
      const [sound, written] = job.checkAside
        ? await settleBoth(job.checkAside(snapshot), write())
        : [quickCheck(snapshot, job.projectRoot), await write()];
      if (!sound) {
        await rm(outFile, { force: true });
        return err('BOOK_CORRUPT', { reason: 'check' });
      }
      return ok({ file: outFile, sizeBytes: written.sizeBytes, counts: facts.value.counts, encrypted: input.passphrase !== null });
    } catch (caught) {
      await rm(outFile, { force: true });
      const refusal = refusalForFsError(caught, input.folder, true, true);
      if (refusal) return refusal;
      throw caught;
    }
  } finally {
    await rm(snapshot, { force: true });
    await rm(`${snapshot}-journal`, { force: true });
  }
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

/** Reads a backup's header only: what it says it holds. */
export const readBackupContents = async (file: string, displayName: string): Promise<Result<BackupContents>> => {
  const opened = await openContainer(file);
  if (!opened.ok) return renamed(opened, displayName);
  const { header, fileSize } = opened.value;
  return ok({
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
};

/**
 * Decrypts (or hash-checks) the whole backup into the prepared file and checks the book in it:
 * what the owner then confirms is what was actually found, not what the header claims.
 */
export const checkBackupFile = async (input: RestoreCheckInput, job: JobContext): Promise<Result<BackupContents>> => {
  const contents = await readBackupContents(input.file, input.displayName);
  if (!contents.ok) return contents;
  if (contents.value.schemaVersion > latestSchemaVersion) {
    return err('BOOK_NEWER_VERSION', { bookVersion: contents.value.schemaVersion, appVersion: latestSchemaVersion });
  }
  const opened = await openContainer(input.file);
  if (!opened.ok) return renamed(opened, input.displayName);
  await mkdir(path.dirname(input.preparedFile), { recursive: true });
  const extracted = await extractPayload(input.file, opened.value, input.passphrase, input.preparedFile, job);
  if (!extracted.ok) return renamed(extracted, input.displayName);
  const facts = checkBookFile(input.preparedFile, job);
  if (!facts.ok) {
    await rm(input.preparedFile, { force: true });
    return facts.error.code === 'BOOK_CORRUPT' ? refuseFile('damaged', input.displayName) : facts;
  }
  return ok({ ...contents.value, schemaVersion: facts.value.schemaVersion, counts: facts.value.counts, shopName: facts.value.shopName, verified: true });
};

/** Refusals name the file as the owner knows it, not as it is stored here. */
const renamed = <T>(result: Result<T>, displayName: string): Result<T> =>
  !result.ok && result.error.code === 'FILE_REFUSED' ? err('FILE_REFUSED', { ...result.error.details, name: path.basename(displayName) }) : result;
