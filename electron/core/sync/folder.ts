import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { z } from 'zod';
import { seal, sealFile, unseal, unsealFile } from './sealed';

/**
 * A shared folder (a USB stick, or one Dropbox, Google Drive or OneDrive keeps in step): each device
 * writes only in its own subfolder — numbered bundles of its documents' changes — and reads the
 * others'. A file is written aside and renamed when whole; a reader takes another device's bundles
 * in order and stops at the first one missing, partial or failing its seal (a sync service still
 * copying it), and carries on from there next time.
 */
export const bookFolderOf = (folder: string, bookId: string): string => path.join(folder, 'regulars-sync', bookId);

const bundleName = (seq: number) => `${String(seq).padStart(8, '0')}.bundle`;
const bundleLabel = (bookId: string, deviceId: string, seq: number) => `${bookId}/${deviceId}/${seq}`;

const bundleSchema = z.object({ changes: z.array(z.tuple([z.number().int().min(0), z.string()])) });

/** One bucket's changes, as Automerge encodes them. */
export type BucketChanges = [bucket: number, change: Uint8Array];

const writeWhole = (file: string, content: Buffer): void => {
  writeFileSync(`${file}.partial`, content);
  renameSync(`${file}.partial`, file);
};

/** The next number this device writes under (bundles are never renumbered). */
const nextSeq = (deviceFolder: string): number => {
  if (!existsSync(deviceFolder)) return 1;
  const numbers = readdirSync(deviceFolder)
    .map((name) => /^(\d{8})\.bundle$/.exec(name)?.[1])
    .filter((seq): seq is string => seq !== undefined)
    .map(Number);
  return numbers.length === 0 ? 1 : Math.max(...numbers) + 1;
};

export const writeBundle = (folder: string, bookId: string, deviceId: string, key: string, changes: readonly BucketChanges[]): number => {
  const deviceFolder = path.join(bookFolderOf(folder, bookId), deviceId);
  mkdirSync(deviceFolder, { recursive: true });
  const seq = nextSeq(deviceFolder);
  const plain = gzipSync(JSON.stringify({ changes: changes.map(([bucket, change]) => [bucket, Buffer.from(change).toString('base64')]) }));
  writeWhole(path.join(deviceFolder, bundleName(seq)), seal(key, bundleLabel(bookId, deviceId, seq), plain));
  return seq;
};

/** The other devices with a subfolder in the shared folder. */
export const otherDevices = (folder: string, bookId: string, deviceId: string): string[] => {
  const root = bookFolderOf(folder, bookId);
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== deviceId && /^[0-9A-Z]{26}$/.test(entry.name))
    .map((entry) => entry.name);
};

/** Another device's bundle number `seq`, opened; null when it is not there (yet) or does not open whole. */
export const readBundle = (folder: string, bookId: string, deviceId: string, key: string, seq: number): BucketChanges[] | null => {
  const file = path.join(bookFolderOf(folder, bookId), deviceId, bundleName(seq));
  if (!existsSync(file)) return null;
  const plain = unseal(key, bundleLabel(bookId, deviceId, seq), readFileSync(file));
  if (plain === null) return null;
  try {
    const parsed = bundleSchema.safeParse(JSON.parse(gunzipSync(plain).toString('utf8')));
    return parsed.success ? parsed.data.changes.map(([bucket, change]) => [bucket, new Uint8Array(Buffer.from(change, 'base64'))]) : null;
  } catch {
    return null;
  }
};

const snapshotFile = (folder: string, bookId: string) => path.join(bookFolderOf(folder, bookId), 'book.snapshot');
const snapshotLabel = (bookId: string) => `${bookId}/book`;

export const hasBookSnapshot = (folder: string, bookId: string): boolean => existsSync(snapshotFile(folder, bookId));

/** The book for devices that join (a copy of the SQLite file `bookCopy`), sealed as it streams. */
export const writeBookSnapshot = async (folder: string, bookId: string, key: string, bookCopy: string): Promise<void> => {
  mkdirSync(bookFolderOf(folder, bookId), { recursive: true });
  await sealFile(key, snapshotLabel(bookId), bookCopy, snapshotFile(folder, bookId));
};

/** Unpacks the book for a joining device into `toFile`; false when it is not there (yet) or does not open whole. */
export const readBookSnapshot = async (folder: string, bookId: string, key: string, toFile: string): Promise<boolean> =>
  hasBookSnapshot(folder, bookId) && (await unsealFile(key, snapshotLabel(bookId), snapshotFile(folder, bookId), toFile));
