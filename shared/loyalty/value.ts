/**
 * Recency, frequency and money figures for the profile. (A customer's predicted value comes from
 * the fitted models in ./value-model.)
 */

const dayMs = 86_400_000;

export interface RfmFigures {
  /** Days since the last visit; null before any. */
  recencyDays: number | null;
  /** Visits in the trailing twelve months. */
  frequency12m: number;
  /** Revenue in the trailing twelve months. */
  monetary12mMinor: number;
}

export const rfmFigures = (lastVisitAt: string | null, now: Date, visits12m: number, revenue12mMinor: number): RfmFigures => ({
  recencyDays: lastVisitAt === null ? null : Math.max(0, Math.floor((now.getTime() - Date.parse(lastVisitAt)) / dayMs)),
  frequency12m: visits12m,
  monetary12mMinor: revenue12mMinor,
});
