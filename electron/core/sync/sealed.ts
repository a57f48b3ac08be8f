import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';

/**
 * Files another device or a sync service carries (a shared folder's bundles and the book for a
 * device joining) are sealed with the book's sharing key: AES-256-GCM, so a file that was altered,
 * cut short or made for another book or place fails to open instead of reaching the book. `label`
 * says what the file is (book, device, number): a bundle copied under another name fails too.
 */
const magic = Buffer.from('REGULARS-SYNC-1\n');
const nonceBytes = 12;
const tagBytes = 16;

export const seal = (key: string, label: string, plain: Buffer): Buffer => {
  const nonce = randomBytes(nonceBytes);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key, 'base64'), nonce);
  cipher.setAAD(Buffer.from(label));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([magic, nonce, body, cipher.getAuthTag()]);
};

/** The content of a sealed file; null when it is not one, or not this book's and label's, or damaged. */
export const unseal = (key: string, label: string, sealed: Buffer): Buffer | null => {
  if (sealed.length < magic.length + nonceBytes + tagBytes || !sealed.subarray(0, magic.length).equals(magic)) return null;
  try {
    const nonce = sealed.subarray(magic.length, magic.length + nonceBytes);
    const decipher = createDecipheriv('aes-256-gcm', Buffer.from(key, 'base64'), nonce);
    decipher.setAAD(Buffer.from(label));
    decipher.setAuthTag(sealed.subarray(sealed.length - tagBytes));
    return Buffer.concat([decipher.update(sealed.subarray(magic.length + nonceBytes, sealed.length - tagBytes)), decipher.final()]);
  } catch {
    return null;
  }
};

/**
 * A whole file sealed as it streams (the book for devices that join: hundreds of megabytes never
 * held in memory), gzip inside the seal; written aside and renamed when whole.
 */
export const sealFile = async (key: string, label: string, fromFile: string, toFile: string): Promise<void> => {
  const nonce = randomBytes(nonceBytes);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key, 'base64'), nonce);
  cipher.setAAD(Buffer.from(label));
  const partial = `${toFile}.partial`;
  const out = createWriteStream(partial);
  out.write(Buffer.concat([magic, nonce]));
  await pipeline(createReadStream(fromFile), createGzip({ level: 1 }), cipher, out, { end: false });
  await new Promise<void>((resolve, reject) => out.end(cipher.getAuthTag(), (caught?: Error | null) => (caught ? reject(caught) : resolve())));
  await rename(partial, toFile);
};

/**
 * Opens a file sealed by `sealFile` into `toFile`; false (and nothing written) when it is not one,
 * not this book's, cut short or altered: what was unpacked is kept aside until the seal is checked.
 */
export const unsealFile = async (key: string, label: string, fromFile: string, toFile: string): Promise<boolean> => {
  const { size } = await stat(fromFile);
  const headerBytes = magic.length + nonceBytes;
  if (size < headerBytes + tagBytes) return false;
  const handle = await open(fromFile, 'r');
  const header = Buffer.alloc(headerBytes);
  const tag = Buffer.alloc(tagBytes);
  try {
    await handle.read(header, 0, headerBytes, 0);
    await handle.read(tag, 0, tagBytes, size - tagBytes);
  } finally {
    await handle.close();
  }
  if (!header.subarray(0, magic.length).equals(magic)) return false;
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(key, 'base64'), header.subarray(magic.length));
  decipher.setAAD(Buffer.from(label));
  decipher.setAuthTag(tag);
  const partial = `${toFile}.partial`;
  try {
    await pipeline(createReadStream(fromFile, { start: headerBytes, end: size - tagBytes - 1 }), decipher, createGunzip(), createWriteStream(partial));
    await rename(partial, toFile);
    return true;
  } catch {
    await rm(partial, { force: true });
    return false;
  }
};
