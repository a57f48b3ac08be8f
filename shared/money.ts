import { numberFormat } from './intl';

const exponents = new Map<string, number>();

/** Minor-unit exponent of a currency (TWD 2, JPY 0), as ICU knows it; asked once per amount of an import, so kept. */
export const currencyExponent = (currency: string): number => {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    exponent = numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    exponents.set(currency, exponent);
  }
  return exponent;
};

export const maxAmountMinor = 1_000_000_000_000;

/**
 * Reads an amount as typed at the counter ("120", "1,200.5", "１２０") into integer minor units.
 * Returns null for anything that is not a plain non-negative amount.
 */
export const parseAmount = (text: string, currency: string): number | null => {
  const cleaned = text.normalize('NFKC').replace(/[\s,]/g, '');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const exponent = currencyExponent(currency);
  const [whole = '0', fraction = ''] = cleaned.split('.');
  if (fraction.length > exponent) return null;
  const minor = Number(whole) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
  return Number.isSafeInteger(minor) && minor <= maxAmountMinor ? minor : null;
};

/** Formats minor units for the locale; whole amounts drop their ".00". */
export const formatMoney = (minor: number, currency: string, locale: string): string => {
  const exponent = currencyExponent(currency);
  const value = minor / 10 ** exponent;
  const whole = minor % 10 ** exponent === 0;
  return numberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: whole ? 0 : exponent,
    maximumFractionDigits: exponent,
  }).format(value);
};
