import { createHash, createPublicKey, createPrivateKey, diffieHellman, generateKeyPairSync, hkdfSync } from 'node:crypto';
import { seal, unseal } from './sealed';

/**
 * How a new book key travels to the devices that remain after a removal, and never to the removed
 * one: sealed for each remaining device with its public X25519 key, and every earlier key sealed
 * with the newer one. The
 * seals are AES-256-GCM (sealed.ts) with a label naming the key and the device, so a seal copied
 * under another row fails to open.
 */

export interface ExchangeKeys {
  /** X25519 public key, SPKI DER in base64: published in the book's registry. */
  publicKey: string;
  /** X25519 private key, PKCS#8 DER in base64: kept in device.json beside the book, never in it. */
  privateKey: string;
}

export const newExchangeKeys = (): ExchangeKeys => {
  const pair = generateKeyPairSync('x25519');
  return {
    publicKey: pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
  };
};

/** A book key's public name: enough to tell keys apart, nothing of the key itself. */
export const bookKeyId = (key: string): string => createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 16);

const publicKeyOf = (base64: string) => createPublicKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'spki' });
const privateKeyOf = (base64: string) => createPrivateKey({ key: Buffer.from(base64, 'base64'), format: 'der', type: 'pkcs8' });

const agreedKey = (shared: Buffer, label: string): string => Buffer.from(hkdfSync('sha256', shared, Buffer.alloc(0), `regulars book key for ${label}`, 32)).toString('base64');

/**
 * `key` sealed from the maker to one device: the key agreement of the maker's private key and the
 * device's public key, so it opens only with the device's private key and the maker's public key —
 * which also proves the maker made it (a removed device cannot pass off a key of its own as
 * another's). Base64.
 */
export const sealForDevice = (makerPrivateKey: string, devicePublicKey: string, label: string, key: string): string => {
  const shared = diffieHellman({ privateKey: privateKeyOf(makerPrivateKey), publicKey: publicKeyOf(devicePublicKey) });
  return seal(agreedKey(shared, label), label, Buffer.from(key, 'base64')).toString('base64');
};

/** The key the maker sealed for this device; null when it is not for this device, not the maker's, or damaged. */
export const openAsDevice = (devicePrivateKey: string, makerPublicKey: string, label: string, sealed: string): string | null => {
  try {
    const shared = diffieHellman({ privateKey: privateKeyOf(devicePrivateKey), publicKey: publicKeyOf(makerPublicKey) });
    return unseal(agreedKey(shared, label), label, Buffer.from(sealed, 'base64'))?.toString('base64') ?? null;
  } catch {
    return null;
  }
};

/** An earlier key sealed with a newer one; base64. */
export const sealWithKey = (newerKey: string, label: string, key: string): string => seal(newerKey, label, Buffer.from(key, 'base64')).toString('base64');

export const openWithKey = (newerKey: string, label: string, sealed: string): string | null => unseal(newerKey, label, Buffer.from(sealed, 'base64'))?.toString('base64') ?? null;
