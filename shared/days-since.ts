import { daysBetween } from './reminders/days';
import { localDay } from './time';

/**
 * Whole shop-local days from an instant to now: "today" is 0, "yesterday" 1, whatever the hours
 * between. The one definition of "days since the last visit" (or contact) every screen, export
 * and figure reads, so a profile's top and its recency block never disagree by an hour of day.
 */
export const daysSince = (instant: string, now: Date, zone: string): number => Math.max(0, daysBetween(localDay(instant, zone), localDay(now, zone)));
