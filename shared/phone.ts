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

/**
 * The mobile numbers most of a shop's customers have, in the shape people write them at home, with
 * what the full parser makes of them: every number of that shape is valid there. Reading them
 * without the parser makes a 100,000-row import's phones a fraction of their cost; a test holds
 * each shape to the parser's reading (test/unit/phone-fast-path.test.ts).
 */
const commonMobiles: Record<string, { shape: RegExp; callingCode: string; trunkZero: boolean }> = {
  // 0912 345 678: a Taiwan mobile, its trunk zero not part of the national number.
  TW: { shape: /^09\d{8}$/, callingCode: '886', trunkZero: true },
  // 138 1234 5678: a mainland mobile, written without a trunk prefix.
  CN: { shape: /^1[3-9]\d{9}$/, callingCode: '86', trunkZero: false },
};

/** Digits with at most single spaces or dashes between them: how people and tools write a number at home. */
const plainlyWritten = /^\d+(?:[ -]\d+)*$/;

const normalisedFrom = (display: string, allDigits: string, national: string, e164: string): NormalisedPhone => {
  const forms = new Set([allDigits, national, `0${national}`, e164.slice(1)]);
  return { display, e164, national, searchDigits: [...forms].join(' ') };
};

/** A number in the country's common mobile shape, read without the full parser; null for any other number. */
const commonMobile = (display: string, allDigits: string, country: string): NormalisedPhone | null => {
  const mobile = commonMobiles[country];
  if (mobile === undefined || !mobile.shape.test(allDigits) || !plainlyWritten.test(display)) return null;
  const national = mobile.trunkZero ? allDigits.slice(1) : allDigits;
  return normalisedFrom(display, allDigits, national, `+${mobile.callingCode}${national}`);
};

/** The full reading of a number by libphonenumber; normalisePhone's common-mobile shortcut must agree with it. */
export const parsePhone = (display: string, shopCountry: string): NormalisedPhone => {
  const allDigits = display.replace(/\D/g, '');
  const parsed = parsePhoneNumberFromString(display, shopCountry as CountryCode);
  if (parsed?.isValid()) return normalisedFrom(display, allDigits, parsed.nationalNumber, parsed.number);
  return { display, e164: null, national: allDigits, searchDigits: allDigits };
};

/** The number as shown: as typed, full-width digits made plain, spaces collapsed. */
export const displayedPhone = (raw: string): string => raw.normalize('NFKC').trim().replace(/\s+/g, ' ');

/** Normalises a phone for matching; the shop's country decides how numbers without "+" are read. */
export const normalisePhone = (raw: string, shopCountry: string): NormalisedPhone => {
  const display = displayedPhone(raw);
  return commonMobile(display, display.replace(/\D/g, ''), shopCountry) ?? parsePhone(display, shopCountry);
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
  const mobile = commonMobiles[country];
  if (mobile !== undefined) {
    if (mobile.trunkZero && mobile.shape.test(`0${digits}`)) return `0${digits}`;
    if (!mobile.trunkZero && mobile.shape.test(digits)) return digits;
  }
  return withTrunkZeroParsed(digits, country);
};

/** withTrunkZero by the full parser; its common-mobile shortcut must agree with it. */
export const withTrunkZeroParsed = (digits: string, country: string): string => {
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
