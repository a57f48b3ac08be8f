import { currencyExponent } from '../money';

/**
 * What staff may give without the owner, in whole units of each currency: about the price of a
 * meal out, so "500" means the same to a shop in Taipei as "20" to one in New York. A currency not
 * listed gets 20 of its units until the owner sets the limit.
 */
const wholeUnits: Record<string, number> = {
  TWD: 500,
  HKD: 150,
  MOP: 150,
  CNY: 100,
  SGD: 25,
  MYR: 80,
  JPY: 3000,
  KRW: 25000,
  USD: 20,
  CAD: 25,
  AUD: 30,
  GBP: 15,
  EUR: 20,
};

/** The staff compensation limit a book starts with, in minor units of its currency. */
export const defaultCompensationLimitMinor = (currency: string): number => (wholeUnits[currency] ?? 20) * 10 ** currencyExponent(currency);
