import { createCipheriv, createDecipheriv, createHash, timingSafeEqual } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { backupFileMagic } from '../../../shared/backup/container-magic';
import { ok, type Result } from '../../../shared/result';
import { refusalForFsError, refuseFile } from '../files';
import { JobCancelled, type JobContext } from '../jobs';
import { compressedFrames, compressionMethod, decompressedFrames, DamagedFrames, frameBookBytes } from './compression';
import { defaultScryptParams, deriveKeys, newIv, newSalt, sameKeyCheck, scryptParamsAcceptable } from './crypto';

/**
 * A Regulars backup file (.regulars-backup), format 3:
 *
 *   payload | seal | header (UTF-8 JSON) | header length (uint32, big-endian) | magic (8 bytes)
 *
 * It starts with 8 bytes of its own (\x89 R G L B K 3 \n). The payload is the SQLite book as of
 * one instant (read from the pinned live book, or a snapshot by SQLite's online backup; see
 * backup/jobs.ts), marked as a standalone file, compressed in independent
 * frames (compression.ts: a third of the size, so a nightly backup to a USB stick takes a third
 * of the time), then — when a passphrase is given — encrypted: compress, then encrypt.
 * The description — header, length and magic, the file's last bytes — is readable without the
 * passphrase, which is how "what it holds" is shown before a restore. A plain file is sealed with
 * the SHA-256 of the description and the payload (finds damage and truncation); an encrypted one
 * holds the payload as AES-256-GCM ciphertext sealed by its 16-byte tag, the description being
 * the associated data, so a changed header fails exactly like a changed payload.
 *
 * Still read: format 2 (the same layout, the payload the book itself, not compressed) and format 1
 * (magic | header length | header | payload | seal: the description first).
 */
export const containerMagic = Buffer.from(backupFileMagic);
export const containerFormatVersion = 3;
/** A format-3 file's first bytes, before the payload: a backup cut short is still known as one. */
const compressedStart = Buffer.from([0x89, 0x52, 0x47, 0x4c, 0x42, 0x4b, 0x33, 0x0a]);
const lengthBytes = 4;
const frameBytes = containerMagic.length + lengthBytes;
const maxHeaderBytes = 64 * 1024;
const chunkBytes = 4 * 1024 * 1024;
const tagBytes = 16;
const hashBytes = 32;

const base64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/).max(200);

const encryptionHeader = z.object({
  cipher: z.literal('aes-256-gcm'),
  iv: base64,
  kdf: z.object({ name: z.literal('scrypt'), N: z.int(), r: z.int(), p: z.int(), salt: base64 }),
  keyCheck: base64,
});

const headerSchema = z.object({
  format: z.literal('regulars-backup'),
  formatVersion: z.int().min(1),
  bookId: z.string().max(64),
  appVersion: z.string().max(40),
  schemaVersion: z.int().min(0),
  createdAt: z.iso.datetime(),
  shopName: z.string().max(500),
  automatic: z.boolean(),
  counts: z.record(z.string().max(40), z.int().min(0)),
  payloadBytes: z.int().min(0),
  encryption: encryptionHeader.nullable(),
  /** Format 3: how the payload is compressed, and the size of the book it holds. Absent before. */
  compression: z.object({ method: z.literal(compressionMethod), frameBytes: z.literal(frameBookBytes), bookBytes: z.int().min(0) }).optional(),
});
export type BackupHeader = z.output<typeof headerSchema>;
export type BackupFacts = Omit<BackupHeader, 'format' | 'formatVersion' | 'payloadBytes' | 'encryption' | 'compression'>;

export interface OpenedContainer {
  header: BackupHeader;
  /** Magic, length and header as stored: the associated data of an encrypted payload, the start of a plain one's hash. */
  description: Buffer;
  payloadOffset: number;
  sealOffset: number;
  fileSize: number;
}

/**
 * Format 3 seals the payload and the description apart, since the description (which names the
 * compressed size) is known only after the payload is written: plain, SHA-256 over the
 * description and the payload's SHA-256; encrypted, the payload's GCM tag, then a GCM tag over
 * the description and that tag under a second nonce (the first with its top bit flipped).
 */
const sealBytesOf = (header: BackupHeader): number => {
  if (header.compression !== undefined) return header.encryption === null ? hashBytes : 2 * tagBytes;
  return header.encryption === null ? hashBytes : tagBytes;
};

const descriptionNonce = (iv: Buffer): Buffer => {
  const nonce = Buffer.from(iv);
  nonce[0] = (nonce[0] ?? 0) ^ 0x80;
  return nonce;
};

/** The GCM tag authenticating a format-3 description (and the payload tag) under the backup's key. */
const descriptionTag = (key: Buffer, iv: Buffer, description: Buffer, payloadTag: Buffer): Buffer => {
  const sealer = createCipheriv('aes-256-gcm', key, descriptionNonce(iv)).setAAD(Buffer.concat([description, payloadTag]));
  sealer.final();
  return sealer.getAuthTag();
};

const readExactly = async (handle: FileHandle, length: number, position: number): Promise<Buffer> => {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
};

type HeaderRead = { ok: true; header: BackupHeader } | { ok: false; reason: 'damaged' | 'backup_format_newer' };

const parseHeader = (headerBytes: Buffer): HeaderRead => {
  let json: unknown;
  try {
    json = JSON.parse(headerBytes.toString('utf8'));
  } catch {
    return { ok: false, reason: 'damaged' };
  }
  const version = (json as { formatVersion?: unknown } | null)?.formatVersion;
  if (typeof version === 'number' && version > containerFormatVersion) return { ok: false, reason: 'backup_format_newer' };
  const parsed = headerSchema.safeParse(json);
  return parsed.success ? { ok: true, header: parsed.data } : { ok: false, reason: 'damaged' };
};

/** Format 1: the description at the start. */
const openFirstFormat = async (handle: FileHandle, file: string, size: number): Promise<Result<OpenedContainer>> => {
  const prefix = await readExactly(handle, frameBytes, 0);
  if (prefix.length < frameBytes) return refuseFile('truncated', file);
  const headerLength = prefix.readUInt32BE(containerMagic.length);
  if (headerLength === 0 || headerLength > maxHeaderBytes) return refuseFile('damaged', file);
  const headerBytes = await readExactly(handle, headerLength, frameBytes);
  if (headerBytes.length < headerLength) return refuseFile('truncated', file);
  const read = parseHeader(headerBytes);
  if (!read.ok) return refuseFile(read.reason, file);
  const payloadOffset = frameBytes + headerLength;
  const expected = payloadOffset + read.header.payloadBytes + sealBytesOf(read.header);
  if (size < expected) return refuseFile('truncated', file);
  if (size > expected) return refuseFile('damaged', file);
  return ok({ header: read.header, description: Buffer.concat([prefix, headerBytes]), payloadOffset, sealOffset: payloadOffset + read.header.payloadBytes, fileSize: size });
};

/** Formats 2 and 3: the description at the end. */
const openSecondFormat = async (handle: FileHandle, file: string, size: number, frame: Buffer): Promise<Result<OpenedContainer>> => {
  const headerLength = frame.readUInt32BE(0);
  if (headerLength === 0 || headerLength > maxHeaderBytes || headerLength + frameBytes > size) return refuseFile('damaged', file);
  const headerBytes = await readExactly(handle, headerLength, size - frameBytes - headerLength);
  const read = parseHeader(headerBytes);
  if (!read.ok) return refuseFile(read.reason, file);
  const payloadOffset = read.header.compression === undefined ? 0 : compressedStart.length;
  const sealOffset = payloadOffset + read.header.payloadBytes;
  const expected = sealOffset + sealBytesOf(read.header) + headerLength + frameBytes;
  if (size < expected) return refuseFile('truncated', file);
  if (size > expected) return refuseFile('damaged', file);
  if (payloadOffset > 0 && !(await readExactly(handle, compressedStart.length, 0)).equals(compressedStart)) return refuseFile('damaged', file);
  return ok({ header: read.header, description: Buffer.concat([headerBytes, frame]), payloadOffset, sealOffset, fileSize: size });
};

/** Reads and checks the description; refuses anything that is not a whole backup this app understands. */
export const openContainer = async (file: string): Promise<Result<OpenedContainer>> => {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (caught) {
    const refusal = refusalForFsError(caught, file);
    if (refusal) return refusal;
    throw caught;
  }
  try {
    const { size, isFile } = await handle.stat().then((stats) => ({ size: stats.size, isFile: stats.isFile() }));
    if (!isFile) return refuseFile('not_a_file', file);
    if (size === 0) return refuseFile('empty', file);
    const start = await readExactly(handle, containerMagic.length, 0);
    if (start.equals(containerMagic)) return await openFirstFormat(handle, file, size);
    const frame = size >= frameBytes ? await readExactly(handle, frameBytes, size - frameBytes) : Buffer.alloc(0);
    if (frame.length === frameBytes && frame.subarray(lengthBytes).equals(containerMagic)) return await openSecondFormat(handle, file, size, frame);
    // A plain backup cut short still starts as the book it holds.
    return refuseFile(startsAsBook(start, size) || start.equals(compressedStart) ? 'truncated' : 'not_a_backup', file);
  } finally {
    await handle.close();
  }
};

const sqliteStart = Buffer.from('SQLite f', 'latin1');
const startsAsBook = (start: Buffer, size: number): boolean => start.equals(sqliteStart) && size > 100;

const readSeal = async (file: string, offset: number, length: number): Promise<Buffer> => {
  const handle = await open(file, 'r');
  try {
    return await readExactly(handle, length, offset);
  } finally {
    await handle.close();
  }
};

export interface WrittenBackup {
  sizeBytes: number;
}

const describe = (header: BackupHeader): Buffer => {
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(lengthBytes);
  length.writeUInt32BE(headerBytes.length);
  return Buffer.concat([headerBytes, length, containerMagic]);
};

/**
 * The payload, chunk by chunk, as it is stored in `file` from `offset`. Each chunk is read into a
 * buffer of its own (never overwritten), so several can be compressed at once without a copy.
 */
async function* chunksOf(file: string, offset: number, length: number, job: JobContext, phase: 'write' | 'check'): AsyncGenerator<Buffer> {
  const input = await open(file, 'r');
  try {
    for (let done = 0; done < length; ) {
      if (job.cancelled) throw new JobCancelled();
      const buffer = Buffer.allocUnsafe(Math.min(chunkBytes, length - done));
      const { bytesRead } = await input.read(buffer, 0, buffer.length, offset + done);
      if (bytesRead === 0) return;
      done += bytesRead;
      job.report(phase, done, length);
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await input.close();
  }
}

/** Offsets of the book header's file format bytes: 2 marks a book in WAL mode, 1 a standalone (rollback journal) one. */
const formatWriteByte = 18;
const formatReadByte = 19;

/**
 * The book as one standalone file: a live book in WAL mode is stored marked as a rollback-journal
 * book (what `PRAGMA journal_mode = DELETE` writes), so the restored file opens on its own,
 * read-only too, without a log beside it. A snapshot already so marked passes unchanged.
 */
async function* standalone(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let first = true;
  for await (const chunk of chunks) {
    if (first && chunk.length > formatReadByte) {
      first = false;
      const head = Buffer.from(chunk);
      if (head[formatWriteByte] === 2) head[formatWriteByte] = 1;
      if (head[formatReadByte] === 2) head[formatReadByte] = 1;
      yield head;
    } else yield chunk;
  }
}

/** Where a backup is written until it is complete, synced and checked: a half-written file never carries the backup's name. */
export const partialFileOf = (outFile: string): string => `${outFile}.partial`;

export interface ContainerOptions {
  /** The book to put in the backup: a snapshot, or the live book while it is pinned (backup/snapshot.ts); the backup is written elsewhere. */
  snapshotFile: string;
  /** How many of the file's bytes are the book; the whole file when absent. */
  bookBytes?: number;
  outFile: string;
  facts: BackupFacts;
  passphrase: string | null;
}

/**
 * Writes a backup into its partial file, sealed and synced to the disk (or stick): the snapshot
 * is read, compressed frame by frame, encrypted when asked, and written, all overlapping (a
 * stream pipeline; frames compress on zlib's thread pool). `nameContainer` then gives it its name.
 */
export const sealContainer = async (options: ContainerOptions, job: JobContext): Promise<WrittenBackup> => {
  const partial = partialFileOf(options.outFile);
  const bookBytes = options.bookBytes ?? (await stat(options.snapshotFile)).size;
  const salt = newSalt();
  const iv = newIv();
  const keys = options.passphrase === null ? null : await deriveKeys(options.passphrase, salt, defaultScryptParams);
  const encryption: BackupHeader['encryption'] =
    keys === null
      ? null
      : {
          cipher: 'aes-256-gcm',
          iv: iv.toString('base64'),
          kdf: { name: 'scrypt', ...defaultScryptParams, salt: salt.toString('base64') },
          keyCheck: keys.keyCheck.toString('base64'),
        };
  try {
    // The compressed size is known only once written: the description, which names it, follows the payload.
    const cipher = keys === null ? null : createCipheriv('aes-256-gcm', keys.encryptionKey, iv);
    const hash = createHash('sha256');
    let payloadBytes = 0;
    await pipeline(
      async function* () {
        yield compressedStart;
        for await (const frame of compressedFrames(standalone(chunksOf(options.snapshotFile, 0, bookBytes, job, 'write')))) {
          const stored = cipher === null ? frame : cipher.update(frame);
          if (cipher === null) hash.update(stored);
          payloadBytes += stored.length;
          yield stored;
        }
      },
      createWriteStream(partial, { highWaterMark: chunkBytes }),
    );
    const header: BackupHeader = {
      format: 'regulars-backup',
      formatVersion: containerFormatVersion,
      ...options.facts,
      payloadBytes,
      encryption,
      compression: { method: compressionMethod, frameBytes: frameBookBytes, bookBytes },
    };
    const description = describe(header);
    let seal: Buffer;
    if (cipher !== null && keys !== null) {
      cipher.final();
      const payloadTag = cipher.getAuthTag();
      seal = Buffer.concat([payloadTag, descriptionTag(keys.encryptionKey, iv, description, payloadTag)]);
    } else {
      seal = createHash('sha256').update(description).update(hash.digest()).digest();
    }
    // The seal and description after the payload, then on the disk (or stick) before the file takes the backup's name.
    const written = await open(partial, 'r+');
    try {
      await written.write(Buffer.concat([seal, description]), 0, seal.length + description.length, compressedStart.length + payloadBytes);
      await written.sync();
    } finally {
      await written.close();
    }
    const expected = compressedStart.length + payloadBytes + seal.length + description.length;
    if ((await stat(partial)).size !== expected) throw new Error('the backup file on the disk is not the size that was written');
    return { sizeBytes: expected };
  } catch (caught) {
    await rm(partial, { force: true });
    throw caught;
  }
};

/** The sealed partial file takes the backup's name. */
export const nameContainer = (outFile: string): Promise<void> => rename(partialFileOf(outFile), outFile);

/** A backup file from a snapshot, sealed and named. */
export const writeContainer = async (options: ContainerOptions, job: JobContext): Promise<WrittenBackup> => {
  const written = await sealContainer(options, job);
  await nameContainer(options.outFile);
  return written;
};
/**
 * Checks a backup completely and writes the book it holds to `outFile`. Encrypted payloads are
 * decrypted into that file and trusted only after the tag matched; compressed ones (format 3)
 * are decompressed frame by frame on the way; on any refusal the file is removed.
 */
export const extractPayload = async (
  file: string,
  container: OpenedContainer,
  passphrase: string | null,
  outFile: string,
  job: JobContext,
): Promise<Result<null>> => {
  const { header, description, payloadOffset, sealOffset } = container;
  const seal = await readSeal(file, sealOffset, sealBytesOf(header));
  let decipher = null;
  if (header.encryption !== null) {
    if (passphrase === null || passphrase === '') return refuseFile('passphrase_needed', file);
    const { kdf } = header.encryption;
    if (!scryptParamsAcceptable(kdf)) return refuseFile('damaged', file);
    job.report('unlock', 0, 0);
    const keys = await deriveKeys(passphrase, Buffer.from(kdf.salt, 'base64'), kdf);
    if (!sameKeyCheck(keys.keyCheck, Buffer.from(header.encryption.keyCheck, 'base64'))) return refuseFile('wrong_passphrase', file);
    const iv = Buffer.from(header.encryption.iv, 'base64');
    decipher = createDecipheriv('aes-256-gcm', keys.encryptionKey, iv);
    if (header.compression === undefined) decipher.setAAD(description);
    else {
      // Format 3: the description is sealed apart, and checked before any of the payload is read.
      const payloadTag = seal.subarray(0, tagBytes);
      const expected = descriptionTag(keys.encryptionKey, iv, description, payloadTag);
      const found = seal.subarray(tagBytes);
      if (found.length !== expected.length || !timingSafeEqual(found, expected)) return refuseFile('damaged', file);
    }
  }
  // Formats 1 and 2 hash the description and the payload; format 3 the description and the payload's hash.
  const sealHash = createHash('sha256').update(description);
  const payloadHash = header.compression === undefined ? sealHash : createHash('sha256');
  const output = await open(outFile, 'w');
  let trusted = false;
  try {
    let stored = 0;
    const plain = async function* (): AsyncGenerator<Buffer> {
      for await (const chunk of chunksOf(file, payloadOffset, header.payloadBytes, job, 'check')) {
        stored += chunk.length;
        if (decipher) yield decipher.update(chunk);
        else {
          payloadHash.update(chunk);
          yield chunk;
        }
      }
    };
    let bookBytes = 0;
    try {
      for await (const piece of header.compression === undefined ? plain() : decompressedFrames(plain())) {
        await output.write(piece);
        bookBytes += piece.length;
      }
    } catch (caught) {
      if (caught instanceof DamagedFrames) return refuseFile('damaged', file);
      throw caught;
    }
    if (stored < header.payloadBytes) return refuseFile('truncated', file);
    if (header.compression !== undefined && bookBytes !== header.compression.bookBytes) return refuseFile('damaged', file);
    if (decipher) {
      decipher.setAuthTag(seal.subarray(0, tagBytes));
      try {
        decipher.final();
      } catch {
        return refuseFile('damaged', file);
      }
    } else {
      if (payloadHash !== sealHash) sealHash.update(payloadHash.digest());
      if (!sealHash.digest().equals(seal)) return refuseFile('damaged', file);
    }
    await output.sync();
    trusted = true;
    return ok(null);
  } finally {
    await output.close();
    if (!trusted) await rm(outFile, { force: true });
  }
};
