import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

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
