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
