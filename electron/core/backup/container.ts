import { createCipheriv, createDecipheriv, createHash, type Hash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { ok, type Result } from '../../../shared/result';
import { refuseFile, refusalForFsError } from '../files/refuse';
import { JobCancelled, type JobContext } from '../jobs/types';
import { defaultScryptParams, deriveKeys, newIv, newSalt, sameKeyCheck, scryptParamsAcceptable } from './crypto';

/**
 * A Regulars backup file (.regulars-backup):
 *
 *   magic (8 bytes) | header length (uint32, big-endian) | header (UTF-8 JSON) | payload | trailer
 *
 * The payload is the SQLite book made by SQLite's online backup. Plain files end with the SHA-256
 * of everything before it (finds damage and truncation); encrypted files hold the payload as
 * AES-256-GCM ciphertext and end with its 16-byte tag, the magic, length and header being the
 * associated data, so a changed header fails exactly like a changed payload. The header is readable
 * without the passphrase, which is how "what it holds" is shown before a restore.
 */
export const containerMagic = Buffer.from([0x89, 0x52, 0x47, 0x4c, 0x42, 0x4b, 0x0d, 0x0a]);
export const containerFormatVersion = 1;
const prefixBytes = containerMagic.length + 4;
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
  /** Magic, length and header as stored: the associated data of an encrypted payload. */
  prefixAndHeader: Buffer;
  fileSize: number;
}

const trailerBytesOf = (header: BackupHeader): number => (header.encryption === null ? hashBytes : tagBytes);

const readExactly = async (handle: FileHandle, length: number, position: number): Promise<Buffer> => {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
};

/** Reads and checks the header; refuses anything that is not a whole backup this app understands. */
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
    const prefix = await readExactly(handle, prefixBytes, 0);
    if (prefix.length < containerMagic.length || !prefix.subarray(0, containerMagic.length).equals(containerMagic)) {
      return refuseFile('not_a_backup', file);
    }
    if (prefix.length < prefixBytes) return refuseFile('truncated', file);
    const headerLength = prefix.readUInt32BE(containerMagic.length);
    if (headerLength === 0 || headerLength > maxHeaderBytes) return refuseFile('damaged', file);
    const headerBytes = await readExactly(handle, headerLength, prefixBytes);
    if (headerBytes.length < headerLength) return refuseFile('truncated', file);
    let json: unknown;
    try {
      json = JSON.parse(headerBytes.toString('utf8'));
    } catch {
      return refuseFile('damaged', file);
    }
    const version = (json as { formatVersion?: unknown } | null)?.formatVersion;
    if (typeof version === 'number' && version > containerFormatVersion) return refuseFile('backup_format_newer', file);
    const parsed = headerSchema.safeParse(json);
    if (!parsed.success) return refuseFile('damaged', file);
    const header = parsed.data;
    const expected = prefixBytes + headerLength + header.payloadBytes + trailerBytesOf(header);
    if (size < expected) return refuseFile('truncated', file);
    if (size > expected) return refuseFile('damaged', file);
    return ok({ header, prefixAndHeader: Buffer.concat([prefix, headerBytes]), fileSize: size });
  } finally {
    await handle.close();
  }
};

export interface WrittenBackup {
  sizeBytes: number;
}

/**
 * Writes a backup file from a checked snapshot: to "<name>.partial" first, synced to the disk,
 * then renamed, so a half-written file never carries the backup's name. Reading the snapshot,
 * hashing or encrypting, and writing overlap (a stream pipeline), which is what keeps a large
 * book's backup within seconds.
 */
export const writeContainer = async (
  options: { snapshotFile: string; outFile: string; facts: BackupFacts; passphrase: string | null },
  job: JobContext,
): Promise<WrittenBackup> => {
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
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.alloc(prefixBytes);
  containerMagic.copy(prefix);
  prefix.writeUInt32BE(headerBytes.length, containerMagic.length);
  const prefixAndHeader = Buffer.concat([prefix, headerBytes]);
  const cipher = keys === null ? null : createCipheriv('aes-256-gcm', keys.encryptionKey, iv);
  cipher?.setAAD(prefixAndHeader);
  const plainHash = cipher === null ? createHash('sha256').update(prefixAndHeader) : null;

  let done = 0;
  async function* payload(source: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
    yield prefixAndHeader;
    for await (const chunk of source) {
      if (job.cancelled) throw new JobCancelled();
      done += chunk.length;
      job.report('write', done, payloadBytes);
      if (cipher) yield cipher.update(chunk);
      else {
        plainHash?.update(chunk);
        yield chunk;
      }
    }
    yield cipher ? Buffer.concat([cipher.final(), cipher.getAuthTag()]) : (plainHash as Hash).digest();
  }

  const partial = `${options.outFile}.partial`;
  try {
    await pipeline(createReadStream(options.snapshotFile, { highWaterMark: chunkBytes }), payload, createWriteStream(partial, { highWaterMark: chunkBytes }));
    // On the disk (or USB stick) before it takes the backup's name, not only in the system's cache.
    const written = await open(partial, 'r+');
    await written.sync().finally(() => written.close());
  } catch (caught) {
    await rm(partial, { force: true });
    throw caught;
  }
  const expected = prefixAndHeader.length + payloadBytes + (cipher ? tagBytes : hashBytes);
  if ((await stat(partial)).size !== expected) {
    await rm(partial, { force: true });
    throw new Error('the backup file on the disk is not the size that was written');
  }
  await rename(partial, options.outFile);
  return { sizeBytes: expected };
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
  const { header, prefixAndHeader } = container;
  let decipher = null;
  if (header.encryption !== null) {
    if (passphrase === null || passphrase === '') return refuseFile('passphrase_needed', file);
    const { kdf } = header.encryption;
    if (!scryptParamsAcceptable(kdf)) return refuseFile('damaged', file);
    job.report('unlock', 0, 0);
    const keys = await deriveKeys(passphrase, Buffer.from(kdf.salt, 'base64'), kdf);
    if (!sameKeyCheck(keys.keyCheck, Buffer.from(header.encryption.keyCheck, 'base64'))) return refuseFile('wrong_passphrase', file);
    decipher = createDecipheriv('aes-256-gcm', keys.encryptionKey, Buffer.from(header.encryption.iv, 'base64'));
    decipher.setAAD(prefixAndHeader);
  }
  const plainHash = createHash('sha256').update(prefixAndHeader);
  const input = await open(file, 'r');
  const output = await open(outFile, 'w');
  let trusted = false;
  try {
    const buffer = Buffer.alloc(chunkBytes);
    const start = prefixAndHeader.length;
    for (let done = 0; done < header.payloadBytes; ) {
      if (job.cancelled) throw new JobCancelled();
      const { bytesRead } = await input.read(buffer, 0, Math.min(chunkBytes, header.payloadBytes - done), start + done);
      if (bytesRead === 0) return refuseFile('truncated', file);
      const chunk = buffer.subarray(0, bytesRead);
      if (decipher) await output.write(decipher.update(chunk));
      else {
        plainHash.update(chunk);
        await output.write(chunk);
      }
      done += bytesRead;
      job.report('check', done, header.payloadBytes);
    }
    const trailer = await readExactly(input, trailerBytesOf(header), start + header.payloadBytes);
    if (decipher) {
      decipher.setAuthTag(trailer);
      try {
        await output.write(decipher.final());
      } catch {
        return refuseFile('damaged', file);
      }
    } else if (!plainHash.digest().equals(trailer)) {
      return refuseFile('damaged', file);
    }
    await output.sync();
    trusted = true;
    return ok(null);
  } finally {
    await input.close();
    await output.close();
    if (!trusted) await rm(outFile, { force: true });
  }
};
