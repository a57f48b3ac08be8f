import { daysSince } from '../days-since';
/**
 * Lifetime value (average spend × visits per year × expected remaining years) and RFM figures.
 * Every input is returned beside the result so the profile can show how it was reached.
 */

const dayMs = 86_400_000;

export interface ValueInputs {
  /** All-time revenue and visits with the shop. */
  revenueMinor: number;
  visitCount: number;
  /** Visits in the trailing twelve months. */
  visits12m: number;
  /** Days since the first visit. */
  tenureDays: number;
  /** The shop's assumption of how many more years a customer stays (a setting). */
  remainingYears: number;
}

export interface LifetimeValue {
  averageSpendMinor: number;
  visitsPerYear: number;
  remainingYears: number;
  valueMinor: number;
}

/**
 * Visits per year: the last twelve months for a customer of a year or more; a newer customer's
 * pace is scaled up from their time so far (at least a month of it, so a first visit is not 365 a year).
 */
export const lifetimeValue = (inputs: ValueInputs): LifetimeValue => {
  const averageSpendMinor = inputs.visitCount > 0 ? Math.round(inputs.revenueMinor / inputs.visitCount) : 0;
  const visitsPerYear =
    inputs.visitCount === 0 ? 0 : inputs.tenureDays >= 365 ? inputs.visits12m : (inputs.visitCount / Math.max(30, inputs.tenureDays)) * 365;
  const rounded = Math.round(visitsPerYear * 10) / 10;
  return {
    averageSpendMinor,
    visitsPerYear: rounded,
    remainingYears: inputs.remainingYears,
    valueMinor: Math.round(averageSpendMinor * rounded * inputs.remainingYears),
  };
};

export interface RfmFigures {
  /** Days since the last visit; null before any. */
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

export const daysBetween = (from: string, to: Date): number => Math.max(0, Math.floor((to.getTime() - Date.parse(from)) / dayMs));
