import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import type { BookKeyRow } from './book-keys-queries';
import { seal, sealFile, unseal, unsealFile } from './sealed';

/**
 * A shared folder (a USB stick, or one Dropbox, Google Drive or OneDrive keeps in step): each device
 * writes only in its own subfolder — numbered bundles of its documents' changes — and reads the
 * others'. A file is written aside and renamed when whole; a reader takes another device's bundles
 * in order and stops at the first one missing, partial or failing its seal (a sync service still
 * copying it), and carries on from there next time.
 */
export const bookFolderOf = (folder: string, bookId: string): string => path.join(folder, 'regulars-sync', bookId);

/**
 * A full bundle holds every change the device held when it wrote it, its own and those it relays:
 * written when this device finds the folder without its earlier bundles (a new USB stick, a folder
 * emptied), so a device that never saw those can start from it instead of waiting for them; and
 * when its bundles have piled up, replacing them (a device joining later reads one file, not years).
 */
const bundleName = (seq: number, full: boolean) => `${String(seq).padStart(8, '0')}${full ? '.full' : ''}.bundle`;
const bundleLabel = (bookId: string, deviceId: string, seq: number, full: boolean) => `${bookId}/${deviceId}/${seq}${full ? '/full' : ''}`;
const bundlePattern = /^(\d{8})(\.full)?\.bundle$/;

const bundleSchema = z.object({ changes: z.array(z.tuple([z.number().int().min(0), z.string()])) });

/** One bucket's changes, as Automerge encodes them. */
export type BucketChanges = [bucket: number, change: Uint8Array];

const writeWhole = (file: string, content: Buffer): void => {
  writeFileSync(`${file}.partial`, content);
  renameSync(`${file}.partial`, file);
};

const deviceFolderOf = (folder: string, bookId: string, deviceId: string) => path.join(bookFolderOf(folder, bookId), deviceId);

/** A device's bundles in the folder as it is now: number and whether full. */
const bundlesIn = (deviceFolder: string): { seq: number; full: boolean }[] => {
  if (!existsSync(deviceFolder)) return [];
  return readdirSync(deviceFolder).flatMap((name) => {
    const match = bundlePattern.exec(name);
    return match === null ? [] : [{ seq: Number(match[1]), full: match[2] !== undefined }];
  });
};

/** A device's bundles in this folder: how many, and the highest number (0 when it has none there). */
export const ownBundlesInFolder = (folder: string, bookId: string, deviceId: string): { count: number; last: number } => {
  const bundles = bundlesIn(deviceFolderOf(folder, bookId, deviceId));
  return { count: bundles.length, last: Math.max(0, ...bundles.map((bundle) => bundle.seq)) };
};

/** Removes a device's own bundles numbered below `seq` (a full bundle there holds all they held). */
export const removeOwnBundlesBefore = (folder: string, bookId: string, deviceId: string, seq: number): void => {
  const deviceFolder = deviceFolderOf(folder, bookId, deviceId);
  for (const bundle of bundlesIn(deviceFolder)) if (bundle.seq < seq) rmSync(path.join(deviceFolder, bundleName(bundle.seq, bundle.full)), { force: true });
};

/** Writes a bundle as number `seq` (a device's numbers only grow, across every folder it has used). */
export const writeBundle = (folder: string, bookId: string, deviceId: string, key: string, seq: number, full: boolean, changes: readonly BucketChanges[]): void => {
  const deviceFolder = deviceFolderOf(folder, bookId, deviceId);
  mkdirSync(deviceFolder, { recursive: true });
  const plain = gzipSync(JSON.stringify({ changes: changes.map(([bucket, change]) => [bucket, Buffer.from(change).toString('base64')]) }));
  writeWhole(path.join(deviceFolder, bundleName(seq, full)), seal(key, bundleLabel(bookId, deviceId, seq, full), plain));
};

/** The other devices with a subfolder in the shared folder. */
export const otherDevices = (folder: string, bookId: string, deviceId: string): string[] => {
  const root = bookFolderOf(folder, bookId);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== deviceId && /^[0-9A-Z]{26}$/.test(entry.name))
    .map((entry) => entry.name);
};

/**
 * Where a reader goes on after `seq`: the next bundle when it is there (whole or still arriving);
 * when it is not, the latest full bundle after it, which holds everything the missing ones did.
 * Null: nothing to read yet.
 */
export const nextBundleAfter = (folder: string, bookId: string, deviceId: string, seq: number): { seq: number; full: boolean } | null => {
  const bundles = bundlesIn(deviceFolderOf(folder, bookId, deviceId));
  const next = bundles.find((bundle) => bundle.seq === seq + 1);
  if (next !== undefined) return next;
  const fulls = bundles.filter((bundle) => bundle.full && bundle.seq > seq).sort((left, right) => right.seq - left.seq);
  return fulls[0] ?? null;
};

/**
 * Another device's bundle, opened with whichever of the book's keys sealed it; null when it does not
 * open whole (still being copied, altered, renamed, or sealed with a key this device was not given).
 */
export const readBundle = (folder: string, bookId: string, deviceId: string, keys: readonly string[], seq: number, full: boolean): BucketChanges[] | null => {
  const file = path.join(deviceFolderOf(folder, bookId, deviceId), bundleName(seq, full));
  if (!existsSync(file)) return null;
  const sealed = readFileSync(file);
  const label = bundleLabel(bookId, deviceId, seq, full);
  let plain: Buffer | null = null;
  for (const key of keys) {
    plain = unseal(key, label, sealed);
    if (plain !== null) break;
  }
  if (plain === null) return null;
  try {
    const parsed = bundleSchema.safeParse(JSON.parse(gunzipSync(plain).toString('utf8')));
    return parsed.success ? parsed.data.changes.map(([bucket, change]) => [bucket, new Uint8Array(Buffer.from(change, 'base64'))]) : null;
  } catch {
    return null;
  }
};

const snapshotFile = (folder: string, bookId: string) => path.join(bookFolderOf(folder, bookId), 'book.snapshot');
/** Beside the book for joiners: which key sealed it, so a device holding a newer key seals it again. */
const snapshotKeyFile = (folder: string, bookId: string) => `${snapshotFile(folder, bookId)}.key`;
const snapshotLabel = (bookId: string) => `${bookId}/book`;

export const hasBookSnapshot = (folder: string, bookId: string): boolean => existsSync(snapshotFile(folder, bookId));

/** Whether the book for joiners is there and sealed with this key (one left before keys were named counts for the first key). */
export const hasBookSnapshotFor = (folder: string, bookId: string, keyId: string, firstKey: boolean): boolean => {
  if (!hasBookSnapshot(folder, bookId)) return false;
  if (!existsSync(snapshotKeyFile(folder, bookId))) return firstKey;
  return readFileSync(snapshotKeyFile(folder, bookId), 'utf8').trim() === keyId;
};

/** Beside the book for joiners: the customers deleted for good whom it is known not to hold (their ids, as JSON). */
const snapshotErasedFile = (folder: string, bookId: string) => `${snapshotFile(folder, bookId)}.erased`;

/**
 * Whether the book for joiners may still hold a customer deleted for good: one of `erased` is not
 * among those it was written without (a book left before this was noted holds them all).
 */
export const bookSnapshotMayHold = (folder: string, bookId: string, erased: readonly string[]): boolean => {
  if (erased.length === 0) return false;
  let without: unknown = [];
  try {
    without = JSON.parse(readFileSync(snapshotErasedFile(folder, bookId), 'utf8'));
  } catch {
    return true;
  }
  const known = new Set(Array.isArray(without) ? without : []);
  return erased.some((id) => !known.has(id));
};

/**
 * The book for devices that join (a copy of the SQLite file `bookCopy`), sealed as it streams;
 * `erased`: the customers deleted for good that the copy does not hold.
 */
export const writeBookSnapshot = async (folder: string, bookId: string, key: string, keyId: string, bookCopy: string, erased: readonly string[]): Promise<void> => {
  mkdirSync(bookFolderOf(folder, bookId), { recursive: true });
  await sealFile(key, snapshotLabel(bookId), bookCopy, snapshotFile(folder, bookId));
  writeWhole(snapshotKeyFile(folder, bookId), Buffer.from(keyId));
  writeWhole(snapshotErasedFile(folder, bookId), Buffer.from(JSON.stringify(erased)));
};

const keysFolderOf = (folder: string, bookId: string) => path.join(bookFolderOf(folder, bookId), 'keys');
const keyFilePattern = /^[0-9A-Za-z~-]+\.key$/;
/** A key file is a few hundred bytes: anything bigger is not one, and is not read. */
const keyFileMaxBytes = 4096;
const keyRowSchema = z.object({
  id: z.string().min(1).max(200),
  key_id: z.string().regex(/^[0-9a-f]{16}$/),
  made_at: z.string().min(1).max(40),
  made_by: z.string().min(1).max(40),
  for_device: z.string().min(1).max(40).nullable(),
  sealed_with: z.string().regex(/^[0-9a-f]{16}$/).nullable(),
  sealed: z.string().min(1).max(400),
  removes: z.string().min(1).max(40).nullable(),
});

/** The book's replaced keys as left in the folder: sealed already, so they are left as they are (book-keys.ts). */
export const writeKeyFiles = (folder: string, bookId: string, rows: readonly BookKeyRow[]): void => {
  if (rows.length === 0) return;
  const keysFolder = keysFolderOf(folder, bookId);
  mkdirSync(keysFolder, { recursive: true });
  for (const row of rows) {
    const file = path.join(keysFolder, `${row.id.replaceAll('/', '~')}.key`);
    if (!existsSync(file)) writeWhole(file, Buffer.from(JSON.stringify(row)));
  }
};

/** The replaced keys found in the folder; a file that is not one is passed over. */
export const readKeyFiles = (folder: string, bookId: string): BookKeyRow[] => {
  const keysFolder = keysFolderOf(folder, bookId);
  if (!existsSync(keysFolder)) return [];
  return readdirSync(keysFolder).flatMap((name) => {
    if (!keyFilePattern.test(name) || statSync(path.join(keysFolder, name)).size > keyFileMaxBytes) return [];
    try {
      const parsed = keyRowSchema.safeParse(JSON.parse(readFileSync(path.join(keysFolder, name), 'utf8')));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
};

/** Unpacks the book for a joining device into `toFile`; false when it is not there (yet) or does not open whole. */
export const readBookSnapshot = async (folder: string, bookId: string, key: string, toFile: string): Promise<boolean> =>
  hasBookSnapshot(folder, bookId) && (await unsealFile(key, snapshotLabel(bookId), snapshotFile(folder, bookId), toFile));
