import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { dateTimeFormat, numberFormat } from '../../../shared/intl';
import { formatMoney } from '../../../shared/money';
import { daysSince } from '../../../shared/days-since';
import { localDay, systemTimeZone } from '../../../shared/time';
import { useSettings } from './settings';

/** Money, dates and times in the app's language and the shop's currency and time zone. */
export const useFormat = () => {
  const { t, i18n } = useTranslation();
  const settings = useSettings();
  return formatFor(t, i18n.language, settings?.currency ?? 'USD', settings?.timeZone ?? systemTimeZone());
};

type Format = ReturnType<typeof makeFormat>;

/**
 * One formatter per language, currency and zone, shared by every component that asks: a profile's
 * timeline has two per entry and a list a few per row, and each had built its own (and its own
 * cache of "n days ago") on mounting. Keyed by the translate function too, which changes with the
 * language's texts.
 */
const formats = new WeakMap<TFunction, Map<string, Format>>();

const formatFor = (t: TFunction, language: string, currency: string, zone: string): Format => {
  let byKey = formats.get(t);
  if (byKey === undefined) {
    byKey = new Map();
    formats.set(t, byKey);
  }
  const key = `${language}\u0000${currency}\u0000${zone}`;
  let format = byKey.get(key);
  if (format === undefined) {
    format = makeFormat(t, language, currency, zone);
    byKey.set(key, format);
  }
  return format;
};

/** Made when first asked for: a component that formats nothing yet (the shell's, before its data) builds no formatter. */
const once = <T>(make: () => T): (() => T) => {
  let made: T | undefined;
  return () => (made ??= make());
};

const makeFormat = (t: TFunction, language: string, currency: string, zone: string) => {
  const dateFormat = once(() => dateTimeFormat(language, { dateStyle: 'medium', timeZone: zone }));
  const dateTimeShort = once(() => dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }));
  const timeFormat = once(() => dateTimeFormat(language, { timeStyle: 'short', timeZone: zone }));
  const monthFormat = once(() => dateTimeFormat(language, { year: 'numeric', month: 'short', timeZone: 'UTC' }));
  const dayFormat = once(() => dateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }));
  const countFormat = once(() => numberFormat(language, {}));
  // "12 days ago" is the same text for every customer 12 days away: a scrolling list asks for it
  // on every row it shows, and translating it (plural rules included) was a third of a row's cost.
  const daysAgoTexts = new Map<number, string>();
  const daysAgo = (days: number): string => {
    let text = daysAgoTexts.get(days);
    if (text === undefined) {
      text = t('daysAgo', { count: days });
      daysAgoTexts.set(days, text);
    }
    return text;
  };
  return {
    currency,
    /** A count (visits, customers) with the language's digit grouping. */
    count: (value: number) => countFormat().format(value),
    money: (minor: number) => formatMoney(minor, currency, language),
    date: (iso: string) => dateFormat().format(new Date(iso)),
    dateTime: (iso: string) => dateTimeShort().format(new Date(iso)),
    time: (iso: string) => timeFormat().format(new Date(iso)),
    /** A calendar month (YYYY-MM) the same way on every chart and table: "Jan 2026", "2026年1月". */
    month: (month: string) => monthFormat().format(new Date(`${month}-01T00:00:00Z`)),
    /** A calendar day (YYYY-MM-DD), with its year: no zone shifts it ("Mar 20, 2027", "2027年3月20日"). */
    day: (day: string) => dayFormat().format(new Date(`${day}T00:00:00Z`)),
    /** "today", "yesterday", "12 days ago", or the date when it is long ago. */
    relativeDay: (iso: string) => {
      const days = daysSince(iso, new Date(), zone);
      if (days <= 0) return t('today');
      if (days === 1) return t('yesterday');
      if (days < 60) return daysAgo(days);
      return dateFormat().format(new Date(iso));
    },
    localDayOf: (iso: string) => localDay(iso, zone),
    /** A birthday without a year reads "14 March"; 2000 is a leap year, so 29 February works. */
    birthday: (birthday: { month: number; day: number; year: number | null }) =>
      dateTimeFormat(language, birthday.year === null ? { month: 'long', day: 'numeric', timeZone: 'UTC' } : { dateStyle: 'long', timeZone: 'UTC' }).format(
        Date.UTC(birthday.year ?? 2000, birthday.month - 1, birthday.day),
      ),
  };
};
