import { IANAZone } from 'luxon';

/**
 * Calendar-day arithmetic on shop-local days (YYYY-MM-DD), fast enough for set-based passes over a
 * whole book: plain UTC date maths on the day itself, never on instants.
 */
const dayMs = 86_400_000;
const quarterHourMs = 900_000;

/** Days since 1970-01-01 for a YYYY-MM-DD day. */
export const dayIndex = (day: string): number =>
  Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / dayMs;

/** Day texts already made: a book's days number in the thousands, and set-based passes ask for them again and again. */
const dayTexts = new Map<number, string>();

export const dayOfIndex = (index: number): string => {
  let text = dayTexts.get(index);
  if (text === undefined) {
    text = new Date(index * dayMs).toISOString().slice(0, 10);
    dayTexts.set(index, text);
  }
  return text;
};

export const plusDays = (day: string, days: number): string => dayOfIndex(dayIndex(day) + days);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => dayIndex(to) - dayIndex(from);

export const isDay = (text: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(text) && dayOfIndex(dayIndex(text)) === text;

/**
 * Returns a function giving the shop-local day of an instant in `zone`: the same answer as
 * `localDay` in shared/time.ts, fast enough for a million conversions. Asking the zone for its
 * offset is slow, and offsets change only a few times a year, so the offset is looked up once per
 * UTC day; on a day the offset changes, once per quarter hour (zones change only on quarter hours).
 */
export const localDayFinder = (zone: string): ((instant: string | number) => string) => {
  let finder = finders.get(zone);
  if (finder === undefined) {
    finder = newLocalDayFinder(zone);
    finders.set(zone, finder);
  }
  return finder;
};

/** One finder per zone for the life of the process, so its caches serve every request. */
const finders = new Map<string, (instant: string | number) => string>();

const newLocalDayFinder = (zone: string): ((instant: string | number) => string) => {
  const ianaZone = IANAZone.create(zone);
  const dayOffsets = new Map<number, number | null>();
  const quarterOffsets = new Map<number, number>();
  const offsetAt = (time: number): number => {
    const utcDay = Math.floor(time / dayMs);
    let dayOffset = dayOffsets.get(utcDay);
    if (dayOffset === undefined) {
      const first = ianaZone.offset(utcDay * dayMs);
      dayOffset = first === ianaZone.offset((utcDay + 1) * dayMs - 1) ? first : null;
      dayOffsets.set(utcDay, dayOffset);
    }
    if (dayOffset !== null) return dayOffset;
    const quarter = Math.floor(time / quarterHourMs);
    let offset = quarterOffsets.get(quarter);
    if (offset === undefined) {
      offset = ianaZone.offset(quarter * quarterHourMs);
      quarterOffsets.set(quarter, offset);
    }
    return offset;
  };
  return (instant) => {
    const time = typeof instant === 'number' ? instant : Date.parse(instant);
    return dayOfIndex(Math.floor((time + offsetAt(time) * 60_000) / dayMs));
  };
};
