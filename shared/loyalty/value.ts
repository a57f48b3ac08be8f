import { daysSince } from '../days-since';

/**
 * Recency, frequency and money figures for the profile. (A customer's predicted value comes from
 * the fitted models in ./value-model.)
 */

export interface RfmFigures {
  /** Days since the last visit on the shop's calendar (as Today and the value inputs count them); null before any. */
  recencyDays: number | null;
  /** Visits in the trailing twelve months. */
  frequency12m: number;
  /** Revenue in the trailing twelve months. */
  monetary12mMinor: number;
}

/** Recency in the shop's local days (shared/days-since.ts), as the profile's "last visit" reads it. */
export const rfmFigures = (lastVisitAt: string | null, now: Date, zone: string, visits12m: number, revenue12mMinor: number): RfmFigures => ({
  recencyDays: lastVisitAt === null ? null : daysSince(lastVisitAt, now, zone),
  frequency12m: visits12m,
  monetary12mMinor: revenue12mMinor,
});
