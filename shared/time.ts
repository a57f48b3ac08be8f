import { DateTime, IANAZone } from 'luxon';
import { localDayFinder } from './reminders/days';

const knownZones = new Map<string, boolean>();
const maxKnownZones = 1000;

/**
 * The shop's local time zone decides what "today" is; everything else is stored in UTC. Luxon
 * answers by building an Intl.DateTimeFormat each time: ICU memory outside the JS heap that
 * lingers until a full collection (the soak test saw the host's memory triple) and 0.3 ms on every
 * visit logged. The answer for a name never changes, so it is remembered (names are few; the
 * bound only guards against a caller feeding arbitrary text).
 */
export const isTimeZone = (zone: string): boolean => {
  let valid = knownZones.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    if (knownZones.size < maxKnownZones) knownZones.set(zone, valid);
  }
  return valid;
};

/**
 * The shop-local calendar day (YYYY-MM-DD) an instant falls on. A moment (the clock's now, on every
 * write) goes through the zone's day finder, which remembers the zone's offsets; a Luxon DateTime
 * each time was a tenth of a visit write. Text is read as Luxon reads ISO text (no offset: UTC).
 */
export const localDay = (instant: Date | string, zone: string): string => {
  if (instant instanceof Date) {
    const time = instant.getTime();
    return Number.isNaN(time) || !isTimeZone(zone) ? '' : localDayFinder(zone)(time);
  }
  const stored = storedInstantTime(instant);
  if (stored !== null) return isTimeZone(zone) ? localDayFinder(zone)(stored) : '';
  return DateTime.fromISO(instant, { zone: 'utc' }).setZone(zone).toISODate() ?? '';
};

/** How instants are stored (ISO-8601 UTC with Z); a row of the customer list reads two of them. */
const storedInstant = /^(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,3})?Z$/;

/**
 * The time of an instant in the stored form, or null for any other text (left to Luxon's parser).
 * Parsing it with Luxon was a quarter of a customer row's rendering. Date.parse rolls 30 February
 * over to March where Luxon refuses it, so the day must come back unchanged.
 */
const storedInstantTime = (text: string): number | null => {
  const day = storedInstant.exec(text)?.[1];
  if (day === undefined) return null;
  const time = Date.parse(text);
  return new Date(time).toISOString().startsWith(day) ? time : null;
};

const dayStarts = new Map<string, string>();
const maxDayStarts = 1000;

/** The UTC instant at which a shop-local day starts (handles DST days that are not 24 h long); remembered, as it never changes. */
export const startOfLocalDay = (day: string, zone: string): string => {
  const key = `${day} ${zone}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    start = DateTime.fromISO(day, { zone }).startOf('day').toUTC().toISO() ?? '';
    if (dayStarts.size >= maxDayStarts) dayStarts.clear();
    dayStarts.set(key, start);
  }
  return start;
};

export const addDays = (day: string, days: number): string =>
  DateTime.fromISO(day, { zone: 'utc' }).plus({ days }).toISODate() ?? '';

/** The zone this computer is set to, used as the shop's zone until the owner picks one. */
export const systemTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
