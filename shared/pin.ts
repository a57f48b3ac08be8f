/**
 * The owner's secret and how hard it is to guess: pure rules both the setup screen and the core use.
 * A PIN is 4–8 digits; anything else is a passphrase of at least 8 characters.
 */
export const pinRules = {
  minDigits: 4,
  maxDigits: 8,
  minPassphrase: 8,
  maxPassphrase: 128,
} as const;

export type PinProblem = 'invalid_pin' | 'weak_pin';

/**
 * The form a secret is hashed in. NFKC makes full-width digits typed through a Chinese input method
 * (１２３４) the same PIN as 1234, and a passphrase the same whichever keyboard composed it.
 */
export const normalisePin = (pin: string): string => pin.normalize('NFKC');

const isDigits = (text: string): boolean => /^[0-9]+$/.test(text);

/** 0000, 1234, 98765: the first PINs anyone tries. */
const isGuessableDigits = (digits: string): boolean => {
  const values = [...digits].map(Number);
  const steps = values.slice(1).map((value, index) => value - values[index]!);
  return steps.every((step) => step === 0) || steps.every((step) => step === 1) || steps.every((step) => step === -1);
};

export const pinProblem = (raw: string): PinProblem | null => {
  const pin = normalisePin(raw);
  const length = [...pin].length;
  if (isDigits(pin)) {
    if (length < pinRules.minDigits || length > pinRules.maxDigits) return 'invalid_pin';
    return isGuessableDigits(pin) ? 'weak_pin' : null;
  }
  if (length < pinRules.minPassphrase || length > pinRules.maxPassphrase) return 'invalid_pin';
  return new Set(pin).size === 1 ? 'weak_pin' : null;
};

/** Wrong attempts allowed before the app starts making the next one wait (typos happen). */
export const freeAttempts = 3;
/** The longest wait between two attempts, however many have failed. */
export const maxWaitSeconds = 3600;

/**
 * How long the next attempt must wait after `failures` wrong attempts in a row: none for the first
 * three, then 30 s, doubling with each further failure up to an hour. Guessing a 4-digit PIN through
 * the app would take months.
 */
export const waitSecondsAfter = (failures: number): number =>
  failures <= freeAttempts ? 0 : Math.min(30 * 2 ** (failures - freeAttempts - 1), maxWaitSeconds);

/** Crockford's base 32: no I, L, O or U, so a code read aloud or copied by hand survives. */
export const recoveryAlphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const recoveryCodeLength = 20;

/** What the owner typed, in the form it was hashed: case, spaces and dashes do not matter; O is 0, I and L are 1. */
export const normaliseRecoveryCode = (typed: string): string =>
  typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');

/** Shown in groups of four: ABCD-EFGH-JKMN-PQRS-TVWX. */
export const formatRecoveryCode = (code: string): string => code.match(/.{1,4}/g)?.join('-') ?? code;
