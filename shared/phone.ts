import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';

/** What a person may type as a phone number: digits with the usual separators, 6–15 digits. */
export const looksLikePhone = (raw: string): boolean => {
  if (!/^\+?[\d\s()\-./]+$/.test(raw.normalize('NFKC').trim())) return false;
  const digits = raw.normalize('NFKC').replace(/\D/g, '');
  return digits.length >= 6 && digits.length <= 15;
};

export interface NormalisedPhone {
  /** As typed, trimmed, for display. */
  display: string;
  /** +countrycode number when the number is valid for its region (not merely the right length), otherwise null. */
  e164: string | null;
  /** Digits that identify the line without trunk prefix or country code, used for "last N digits". */
  national: string;
  /** Every digit form a person might search for, space separated (e.g. "0912345678 912345678 886912345678"). */
  searchDigits: string;
}

/** Normalises a phone for matching; the shop's country decides how numbers without "+" are read. */
export const normalisePhone = (raw: string, shopCountry: string): NormalisedPhone => {
  const display = raw.normalize('NFKC').trim().replace(/\s+/g, ' ');
  const allDigits = display.replace(/\D/g, '');
  const parsed = parsePhoneNumberFromString(display, shopCountry as CountryCode);
  if (parsed?.isValid()) {
    const national = parsed.nationalNumber;
    const international = parsed.number.slice(1);
    const forms = new Set([allDigits, national, `0${national}`, international]);
    return { display, e164: parsed.number, national, searchDigits: [...forms].join(' ') };
  }
  return { display, e164: null, national: allDigits, searchDigits: allDigits };
};

/** The key two phones share when they are the same line. */
export const phoneMatchKey = (phone: NormalisedPhone): string => phone.e164 ?? phone.national;

export const reverseDigits = (digits: string): string => digits.split('').reverse().join('');

/**
 * A number a spreadsheet stored as a number, its leading trunk zero lost: 912345678 in a Taiwan
 * book is 0912345678. Answers the number as the country writes it at home when that is what the
 * digits are, else the digits unchanged.
 */
export const withTrunkZero = (digits: string, country: string): string => {
  if (!/^[1-9]\d{5,13}$/.test(digits) || country === '') return digits;
  const parsed = parsePhoneNumberFromString(digits, country as CountryCode);
  if (!parsed?.isValid() || parsed.country !== country) return digits;
  const national = parsed.formatNational().replace(/\D/g, '');
  return national === `0${digits}` ? national : digits;
};

/** Whether a number written without "+" is a valid number of this country (not merely of its calling code: +1 869 is not the US). */
export const readsFor = (raw: string, country: string): boolean => {
  if (country === '') return false;
  const parsed = parsePhoneNumberFromString(raw, country as CountryCode);
  return parsed !== undefined && parsed.isValid() && parsed.country === country;
};

/**
 * Countries whose shops Regulars is made for first, tried when a file's numbers do not read for the
 * shop's, in order of preference: some digit strings are valid in several countries (an 11-digit
 * mainland mobile also reads as a Singapore or German number), and then the earlier one is proposed.
 */
export const phoneCountryCandidates = ['TW', 'CN', 'HK', 'MO', 'SG', 'MY', 'JP', 'KR', 'US', 'CA', 'GB', 'AU', 'NZ', 'DE', 'FR'];

export interface PhoneCountryReading {
  /** Numbers without "+" looked at. */
  sampled: number;
  /** Of those, how many read as numbers of the shop's country. */
  readableForShop: number;
  /** Another country most of them do read for, when the shop's does not fit the file. */
  proposed: { country: string; readable: number } | null;
}

/**
 * Which country a file's phone numbers are written for. Only numbers without "+" say anything
 * (a "+" number reads the same everywhere). When most do not read for the shop's country (or the
 * shop has none) but most read for exactly one other, that one is proposed, so a mainland file's
 * 18698765432 is never silently read as +1 869 (Saint Kitts and Nevis).
 */
export const readPhoneCountry = (phones: readonly string[], shopCountry: string): PhoneCountryReading => {
  const local = phones.filter((phone) => !phone.trim().startsWith('+') && looksLikePhone(phone));
  const sampled = local.length;
  const readableForShop = local.filter((phone) => readsFor(phone, shopCountry)).length;
  if (sampled === 0 || readableForShop * 2 > sampled) return { sampled, readableForShop, proposed: null };
  const counts = phoneCountryCandidates
    .filter((country) => country !== shopCountry)
    .map((country) => ({ country, readable: local.filter((phone) => readsFor(phone, country)).length }))
    .sort((a, b) => b.readable - a.readable || phoneCountryCandidates.indexOf(a.country) - phoneCountryCandidates.indexOf(b.country));
  const [best] = counts;
  return { sampled, readableForShop, proposed: best !== undefined && best.readable * 2 > sampled ? best : null };
};
