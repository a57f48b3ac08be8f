import { DateTime } from 'luxon';
import { currencyExponent } from '../../../../shared/money';

/** "2024-05-01 14:30:05" in the shop's zone: what a spreadsheet shows and sorts well. */
export const localDateTime = (iso: string | null, zone: string): string =>
  iso === null ? '' : (DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).toFormat('yyyy-MM-dd HH:mm:ss') ?? '');

/** Minor units as a plain decimal ("1280.50"): no currency sign, no grouping, so spreadsheets read it as a number. */
export const decimalAmount = (minor: number | null, currency: string): string => {
  if (minor === null) return '';
  const exponent = currencyExponent(currency);
  if (exponent === 0) return String(minor);
  const text = String(minor).padStart(exponent + 1, '0');
  return `${text.slice(0, -exponent)}.${text.slice(-exponent)}`;
};

export const birthdayText = (month: number | null, day: number | null, year: number | null): string => {
  if (month === null || day === null) return '';
  const monthDay = `${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  // Month-day without the year ("03-04"): a leading "--" (ISO) would read as a formula in a spreadsheet.
  return year === null ? monthDay : `${year}-${monthDay}`;
};

/** Several values in one cell; the import splits on the same separator. */
export const listCell = (values: readonly string[]): string => values.join('; ');
