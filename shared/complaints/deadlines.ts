import { DateTime } from 'luxon';

export const severities = ['low', 'medium', 'high'] as const;
export type Severity = (typeof severities)[number];

/** The shop's opening hours: the same hours on each open weekday (1 = Monday … 7 = Sunday). */
export interface OpeningHours {
  opensAt: string;
  closesAt: string;
  days: readonly number[];
}

const minutesOf = (time: string): number => {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  return hours * 60 + minutes;
};

/** A shop open on no day, or closing before it opens, has no opening hours to count. */
export const hasOpeningHours = (hours: OpeningHours): boolean => hours.days.length > 0 && minutesOf(hours.closesAt) > minutesOf(hours.opensAt);

/** A year of days is plenty to place any promise of at most a few hundred hours. */
const dayLimit = 400;

/**
 * The instant `hours` after `from`: on the clock, or — with opening hours — counting only the time
 * the shop is open, in its own time zone (so a complaint logged after closing starts counting at
 * the next opening, and a DST day still opens at its local opening time).
 */
export const deadlineAfter = (from: string, hours: number, zone: string, openingHours: OpeningHours | null): string => {
  const start = DateTime.fromISO(from, { zone: 'utc' });
  if (openingHours === null || !hasOpeningHours(openingHours)) return start.plus({ minutes: Math.round(hours * 60) }).toUTC().toISO() ?? from;
  let remainingMs = Math.round(hours * 60) * 60_000;
  let cursor = start.setZone(zone);
  const opens = minutesOf(openingHours.opensAt);
  const closes = minutesOf(openingHours.closesAt);
  for (let day = 0; day < dayLimit; day += 1) {
    const dayStart = cursor.startOf('day');
    if (openingHours.days.includes(dayStart.weekday)) {
      const windowStart = dayStart.set({ hour: Math.floor(opens / 60), minute: opens % 60 });
      const windowEnd = dayStart.set({ hour: Math.floor(closes / 60), minute: closes % 60 });
      const counting = cursor < windowStart ? windowStart : cursor;
      if (counting < windowEnd) {
        const available = windowEnd.toMillis() - counting.toMillis();
        if (remainingMs <= available) return counting.plus({ milliseconds: remainingMs }).toUTC().toISO() ?? from;
        remainingMs -= available;
      }
    }
    cursor = dayStart.plus({ days: 1 });
  }
  return start.plus({ minutes: Math.round(hours * 60) }).toUTC().toISO() ?? from;
};
