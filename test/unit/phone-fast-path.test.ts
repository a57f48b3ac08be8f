import { describe, expect, it } from 'vitest';
import { displayedPhone, normalisePhone, parsePhone, withTrunkZero, withTrunkZeroParsed } from '../../shared/phone';

/** A reproducible stream of digits, so a failure names the same numbers every run. */
const digitsFrom = (seed: number) => {
  let state = seed;
  return (count: number): string => {
    let digits = '';
    for (let index = 0; index < count; index += 1) {
      state = (state * 1103515245 + 12345) % 2147483648;
      digits += String(Math.floor((state / 2147483648) * 10));
    }
    return digits;
  };
};

const countries = ['TW', 'CN', 'US', 'HK', ''];

/** The ways a number is written in a file: bare, grouped by spaces or dashes, messy, with the country code. */
const writings = (digits: string): string[] => [
  digits,
  `${digits.slice(0, 4)}-${digits.slice(4, 7)}-${digits.slice(7)}`,
  `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`,
  `${digits.slice(0, 4)} ${digits.slice(4)}`,
  `  ${digits.slice(0, 4)}  ${digits.slice(4)} `,
  `${digits.slice(0, 4)}--${digits.slice(4)}`,
  `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`,
  `(${digits.slice(0, 2)})${digits.slice(2)}`,
  `${digits.slice(0, 4)}- ${digits.slice(4)}`,
  `-${digits}`,
  `${digits}-`,
  `+${digits}`,
  `+886 ${digits.replace(/^0/, '')}`,
  `+86 ${digits}`,
  `+1 ${digits}`,
  digits.replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit))),
  `${digits} ext 12`,
];

const numbers = (): string[] => {
  const next = digitsFrom(17);
  const found: string[] = [];
  // Every Taiwan 09xx prefix and every mainland 1xx prefix, the common mobile shapes and their near misses.
  for (let prefix = 0; prefix < 100; prefix += 1) {
    const two = String(prefix).padStart(2, '0');
    found.push(`09${two}${next(6)}`, `09${two}${next(5)}`, `09${two}${next(7)}`, `9${two}${next(6)}`);
    found.push(`1${two}${next(8)}`, `1${two}${next(7)}`, `1${two}${next(9)}`, `01${two}${next(8)}`, `86${`1${two}${next(8)}`}`);
  }
  // Landlines and numbers of other countries, and things that are not numbers of anywhere.
  found.push('0223456789', '(02) 2345-6789', '037-123456', '0800-000-123', '010-12345678', '0755 1234 5678', '02012345678');
  found.push('(415) 555-2671', '415-555-2671', '4155552671', '14155552671', '2125551234', '9876543210');
  found.push('91234567', '61234567', '0312345678', '09012345678', '81234567');
  found.push('12345', '0000000000', '0999999999', '0900000000', '1111111111111', '', '++0912345678', '0912345678 0912345679');
  for (let index = 0; index < 80; index += 1) found.push(next(6 + (index % 9)));
  return found.flatMap(writings);
};

describe('the common-mobile shortcut reads a number exactly as the full parser does', () => {
  const written = numbers();

  it('normalisePhone agrees with libphonenumber for Taiwan, mainland, US and other numbers in every writing', () => {
    let shortcutShapes = 0;
    const disagreements: string[] = [];
    for (const country of countries) {
      for (const raw of written) {
        const display = displayedPhone(raw);
        if ((country === 'TW' && /^09\d{8}$/.test(display)) || (country === 'CN' && /^1[3-9]\d{9}$/.test(display))) shortcutShapes += 1;
        const quick = JSON.stringify(normalisePhone(raw, country));
        const full = JSON.stringify(parsePhone(display, country));
        if (quick !== full) disagreements.push(`${raw} in ${country || 'no country'}: ${quick} ≠ ${full}`);
      }
    }
    expect(disagreements).toEqual([]);
    // The comparison covers many numbers the shortcut does take, not only ones it passes on.
    expect(shortcutShapes).toBeGreaterThan(150);
  });

  it('withTrunkZero restores the lost leading zero exactly as the full parser does', () => {
    const next = digitsFrom(29);
    const digits = [...written.map((raw) => raw.replace(/\D/g, '')), ...Array.from({ length: 2000 }, (_, index) => next(5 + (index % 11)))];
    const disagreements: string[] = [];
    for (const country of countries) {
      for (const number of digits) {
        const quick = withTrunkZero(number, country);
        const full = withTrunkZeroParsed(number, country);
        if (quick !== full) disagreements.push(`${number} in ${country || 'no country'}: ${quick} ≠ ${full}`);
      }
    }
    expect(disagreements).toEqual([]);
    expect(withTrunkZero('912345678', 'TW')).toBe('0912345678');
    expect(withTrunkZero('13812345678', 'CN')).toBe('13812345678');
  });
});
