import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { recoveryAlphabet, recoveryCodeLength } from '../../../shared/pin';

/**
 * scrypt, salted and deliberately slow (about a quarter of a second and 32 MiB per guess on a small
 * laptop), so a copied book cannot be tried at millions of PINs a second. The parameters are stored
 * with each hash: they can be raised later without breaking existing books.
 */
const cost = { N: 2 ** 15, r: 8, p: 1 } as const;
const keyBytes = 32;
const saltBytes = 16;
const maxmem = 128 * 1024 * 1024;

const derive = (secret: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    scrypt(secret, salt, keyBytes, { ...options, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });

/** `scrypt$N$r$p$salt$key`, salt and key in base64. */
export const hashSecret = async (secret: string): Promise<string> => {
  const salt = randomBytes(saltBytes);
  const key = await derive(secret, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
};

const isPowerOfTwo = (value: number): boolean => Number.isSafeInteger(value) && value > 1 && (value & (value - 1)) === 0;

/** Compares in constant time; a malformed stored hash (or absurd parameters) never matches. */
export const verifySecret = async (secret: string, stored: string): Promise<boolean> => {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  const options = { N: Number(n), r: Number(r), p: Number(p) };
  if (scheme !== 'scrypt' || salt === undefined || key === undefined) return false;
  if (!isPowerOfTwo(options.N) || options.N > 2 ** 20 || !(options.r >= 1 && options.r <= 32) || !(options.p >= 1 && options.p <= 16)) return false;
  const expected = Buffer.from(key, 'base64');
  if (expected.length !== keyBytes) return false;
  const actual = await derive(secret, Buffer.from(salt, 'base64'), options);
  return timingSafeEqual(actual, expected);
};

/** 20 characters of Crockford base 32: 100 random bits, far beyond guessing even without the wait. */
export const newRecoveryCode = (): string =>
  Array.from({ length: recoveryCodeLength }, () => recoveryAlphabet[randomInt(recoveryAlphabet.length)]).join('');
