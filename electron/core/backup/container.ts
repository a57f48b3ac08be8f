import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { ok, type Result } from '../../../shared/result';
import { refuseFile, refusalForFsError } from '../files/refuse';
import { JobCancelled, type JobContext } from '../jobs/types';
import { defaultScryptParams, deriveKeys, newIv, newSalt, sameKeyCheck, scryptParamsAcceptable } from './crypto';

/**
 * A Regulars backup file (.regulars-backup), format 2:
 *
 *   payload | seal | header (UTF-8 JSON) | header length (uint32, big-endian) | magic (8 bytes)
 *
 * The payload is the SQLite book made by SQLite's online backup. A plain backup's payload is
 * written there by SQLite itself, so a large book goes to the disk (or USB stick) once, not twice.
 * The description — header, length and magic, the file's last bytes — is readable without the
 * passphrase, which is how "what it holds" is shown before a restore. A plain file is sealed with
 * the SHA-256 of the description and the payload (finds damage and truncation); an encrypted one
 * holds the payload as AES-256-GCM ciphertext sealed by its 16-byte tag, the description being
 * the associated data, so a changed header fails exactly like a changed payload.
 *
 * Format 1 (magic | header length | header | payload | seal: the description first) is still read.
 */
export const containerMagic = Buffer.from([0x89, 0x52, 0x47, 0x4c, 0x42, 0x4b, 0x0d, 0x0a]);
export const containerFormatVersion = 2;
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
});
export type BackupHeader = z.output<typeof headerSchema>;
export type BackupFacts = Omit<BackupHeader, 'format' | 'formatVersion' | 'payloadBytes' | 'encryption'>;

export interface OpenedContainer {
  header: BackupHeader;
  /** Magic, length and header as stored: the associated data of an encrypted payload, the start of a plain one's hash. */
  description: Buffer;
  payloadOffset: number;
  sealOffset: number;
  fileSize: number;
}

const sealBytesOf = (header: BackupHeader): number => (header.encryption === null ? hashBytes : tagBytes);

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

/** Format 2: the description at the end. */
const openSecondFormat = async (handle: FileHandle, file: string, size: number, frame: Buffer): Promise<Result<OpenedContainer>> => {
  const headerLength = frame.readUInt32BE(0);
  if (headerLength === 0 || headerLength > maxHeaderBytes || headerLength + frameBytes > size) return refuseFile('damaged', file);
  const headerBytes = await readExactly(handle, headerLength, size - frameBytes - headerLength);
  const read = parseHeader(headerBytes);
  if (!read.ok) return refuseFile(read.reason, file);
  const sealOffset = read.header.payloadBytes;
  const expected = sealOffset + sealBytesOf(read.header) + headerLength + frameBytes;
  if (size < expected) return refuseFile('truncated', file);
  if (size > expected) return refuseFile('damaged', file);
  return ok({ header: read.header, description: Buffer.concat([headerBytes, frame]), payloadOffset: 0, sealOffset, fileSize: size });
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
    return refuseFile(startsAsBook(start, size) ? 'truncated' : 'not_a_backup', file);
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

/** The payload, chunk by chunk, as it is stored in `file` from `offset`. */
async function* chunksOf(file: string, offset: number, length: number, job: JobContext, phase: 'write' | 'check'): AsyncGenerator<Buffer> {
  const input = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(chunkBytes);
    for (let done = 0; done < length; ) {
      if (job.cancelled) throw new JobCancelled();
      const { bytesRead } = await input.read(buffer, 0, Math.min(chunkBytes, length - done), offset + done);
      if (bytesRead === 0) return;
      done += bytesRead;
      job.report(phase, done, length);
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await input.close();
  }
}

/** Where a backup is written until it is complete, synced and checked: a half-written file never carries the backup's name. */
export const partialFileOf = (outFile: string): string => `${outFile}.partial`;

export interface ContainerOptions {
  snapshotFile: string;
  outFile: string;
  facts: BackupFacts;
  passphrase: string | null;
}

/**
 * Writes a backup into its partial file, sealed and synced to the disk (or stick). A plain backup
 * whose snapshot already is that partial file (SQLite wrote it there) is sealed where it lies;
 * otherwise the snapshot is copied — or encrypted — into it. `nameContainer` then gives it its name.
 */
export const sealContainer = async (options: ContainerOptions, job: JobContext): Promise<WrittenBackup> => {
  const partial = partialFileOf(options.outFile);
  const payloadBytes = (await stat(options.snapshotFile)).size;
  const salt = newSalt();
  const iv = newIv();
  const keys = options.passphrase === null ? null : await deriveKeys(options.passphrase, salt, defaultScryptParams);
  const header: BackupHeader = {
    format: 'regulars-backup',
    formatVersion: containerFormatVersion,
    ...options.facts,
    payloadBytes,
    encryption:
      keys === null
        ? null
        : {
            cipher: 'aes-256-gcm',
            iv: iv.toString('base64'),
            kdf: { name: 'scrypt', ...defaultScryptParams, salt: salt.toString('base64') },
            keyCheck: keys.keyCheck.toString('base64'),
          },
  };
  const description = describe(header);
  const inPlace = keys === null && path.resolve(options.snapshotFile) === path.resolve(partial);
  try {
    // Reading the snapshot, hashing or encrypting, and writing overlap (a stream pipeline).
    const copyInto = (transform: (chunk: Buffer) => Buffer) =>
      pipeline(chunksOf(options.snapshotFile, 0, payloadBytes, job, 'write'), async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) yield transform(chunk);
      }, createWriteStream(partial, { highWaterMark: chunkBytes }));
    let seal: Buffer;
    if (keys !== null) {
      const cipher = createCipheriv('aes-256-gcm', keys.encryptionKey, iv).setAAD(description);
      await copyInto((chunk) => cipher.update(chunk));
      seal = Buffer.concat([cipher.final(), cipher.getAuthTag()]);
    } else {
      const hash = createHash('sha256').update(description);
      if (inPlace) {
        for await (const chunk of chunksOf(partial, 0, payloadBytes, job, 'write')) hash.update(chunk);
      } else {
        await copyInto((chunk) => {
          hash.update(chunk);
          return chunk;
        });
      }
      seal = hash.digest();
    }
    // The seal and description after the payload, then on the disk (or stick) before the file takes the backup's name.
    const written = await open(partial, 'r+');
    try {
      await written.write(Buffer.concat([seal, description]), 0, seal.length + description.length, payloadBytes);
      await written.sync();
    } finally {
      await written.close();
    }
  } catch (caught) {
    await rm(partial, { force: true });
    throw caught;
  }
  const expected = payloadBytes + sealBytesOf(header) + description.length;
  if ((await stat(partial)).size !== expected) {
    await rm(partial, { force: true });
    throw new Error('the backup file on the disk is not the size that was written');
  }
  return { sizeBytes: expected };
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
 * Checks a backup completely and writes its payload (the SQLite book) to `outFile`. Encrypted
 * payloads are decrypted into that file and trusted only after the tag matched; on any refusal
 * the file is removed.
 */
export const extractPayload = async (
  file: string,
  container: OpenedContainer,
  passphrase: string | null,
  outFile: string,
  job: JobContext,
): Promise<Result<null>> => {
  const { header, description, payloadOffset, sealOffset } = container;
  let decipher = null;
  if (header.encryption !== null) {
    if (passphrase === null || passphrase === '') return refuseFile('passphrase_needed', file);
    const { kdf } = header.encryption;
    if (!scryptParamsAcceptable(kdf)) return refuseFile('damaged', file);
    job.report('unlock', 0, 0);
    const keys = await deriveKeys(passphrase, Buffer.from(kdf.salt, 'base64'), kdf);
    if (!sameKeyCheck(keys.keyCheck, Buffer.from(header.encryption.keyCheck, 'base64'))) return refuseFile('wrong_passphrase', file);
    decipher = createDecipheriv('aes-256-gcm', keys.encryptionKey, Buffer.from(header.encryption.iv, 'base64'));
    decipher.setAAD(description);
  }
  const plainHash = createHash('sha256').update(description);
  const output = await open(outFile, 'w');
  let trusted = false;
  try {
    let done = 0;
    for await (const chunk of chunksOf(file, payloadOffset, header.payloadBytes, job, 'check')) {
      if (decipher) await output.write(decipher.update(chunk));
      else {
        plainHash.update(chunk);
        await output.write(chunk);
      }
      done += chunk.length;
    }
    if (done < header.payloadBytes) return refuseFile('truncated', file);
    const seal = await readSeal(file, sealOffset, sealBytesOf(header));
    if (decipher) {
      decipher.setAuthTag(seal);
      try {
        await output.write(decipher.final());
      } catch {
        return refuseFile('damaged', file);
      }
    } else if (!plainHash.digest().equals(seal)) {
      return refuseFile('damaged', file);
    }
    await output.sync();
    trusted = true;
    return ok(null);
  } finally {
    await output.close();
    if (!trusted) await rm(outFile, { force: true });
  }
};
