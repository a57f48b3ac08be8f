import { createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * Passphrase → keys. scrypt (memory-hard, built into Node; Argon2id is not in Node 20) with a
 * fresh salt per file. One derivation gives two keys: one encrypts, the other only proves the
 * passphrase is right, so a wrong passphrase is told apart from a modified file.
 */
export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** About half a second and 128 MB on a laptop: cheap once per backup, costly for a guesser. */
export const defaultScryptParams: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };

/** Bounds for parameters read from a file, so a hostile header cannot ask for gigabytes. */
export const scryptParamsAcceptable = ({ N, r, p }: ScryptParams): boolean =>
  Number.isInteger(Math.log2(N)) && N >= 2 ** 14 && N <= 2 ** 20 && r >= 1 && r <= 16 && p >= 1 && p <= 4;

export interface DerivedKeys {
  encryptionKey: Buffer;
  keyCheck: Buffer;
}

const keyCheckLabel = 'regulars-backup key check v1';

export const newSalt = (): Buffer => randomBytes(16);
export const newIv = (): Buffer => randomBytes(12);

export const deriveKeys = (passphrase: string, salt: Buffer, params: ScryptParams): Promise<DerivedKeys> =>
  new Promise((resolve, reject) => {
    const maxmem = 128 * params.N * params.r * (params.p + 1) + 16 * 1024 * 1024;
    scrypt(passphrase.normalize('NFC'), salt, 64, { N: params.N, r: params.r, p: params.p, maxmem }, (error, master) => {
      if (error) return reject(error);
      const checkKey = master.subarray(32, 64);
      resolve({
        encryptionKey: Buffer.from(master.subarray(0, 32)),
        keyCheck: createHmac('sha256', checkKey).update(keyCheckLabel).digest().subarray(0, 16),
      });
    });
  });

export const sameKeyCheck = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b);
