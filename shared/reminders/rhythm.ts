import { daysBetween, plusDays } from './days';

/**
 * A customer's own rhythm and when they count as lapsed (PRODUCT.md §4: lapse detection adapts to
 * each customer). Pure rules, used by the core's incremental and set-based passes and the profile.
 */

/** How many of the most recent gaps make up the rhythm: habits change, old gaps stop mattering. */
export const rhythmGapWindow = 12;

const dayMs = 86_400_000;

/**
 * Gaps between consecutive visits in whole days. Visits less than half a day apart are one outing
 * (a coffee in the morning and a cake in the afternoon), so they do not make a zero-day gap.
 * `instants` must be in ascending order.
 */
export const visitGapsInDays = (instants: readonly (string | number)[]): number[] => {
  const gaps: number[] = [];
  let previous: number | null = null;
  for (const instant of instants) {
    const time = typeof instant === 'number' ? instant : Date.parse(instant);
    if (previous !== null) {
      const gap = (time - previous) / dayMs;
      if (gap < 0.5) {
        previous = time;
        continue;
      }
      gaps.push(Math.max(1, Math.round(gap)));
    }
    previous = time;
  }
  return gaps;
};

export const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** The customer's usual gap between visits: the median of their most recent gaps; null without any gap. */
export const rhythmDays = (visitInstants: readonly (string | number)[]): number | null =>
  median(visitGapsInDays(visitInstants).slice(-rhythmGapWindow));

/** A customer's past as another tool summed it up (a POS or membership export): how many visits, first and last. */
export interface ImportedVisitSummary {
  visitCount: number;
  firstVisitAt: string | null;
  lastVisitAt: string | null;
}

/** Gaps between logged visits needed before they alone make the rhythm, when an imported summary could. */
export const loggedGapsTrusted = 3;

/**
 * The average gap of an imported summary, (last − first) / (count − 1) in whole days (at least 1);
 * null when it holds fewer than two visits or lacks either date.
 */
export const importedRhythmDays = (imported: ImportedVisitSummary | null): number | null => {
  if (imported === null || imported.visitCount < 2 || imported.firstVisitAt === null || imported.lastVisitAt === null) return null;
  const days = (Date.parse(imported.lastVisitAt) - Date.parse(imported.firstVisitAt)) / dayMs / (imported.visitCount - 1);
  return Math.max(1, Math.round(days));
};

/**
 * The rhythm of a customer who may also have an imported history: their logged visits' median gap
 * once they have `loggedGapsTrusted` gaps of their own (what happens here now speaks for their
 * habits); before that, the imported summary's average gap where it has one, else whatever gaps
 * the logged visits give. `visitInstants` ascending, as for `rhythmDays`.
 */
export const rhythmWithImportedDays = (visitInstants: readonly (string | number)[], imported: ImportedVisitSummary | null): number | null => {
  const gaps = visitGapsInDays(visitInstants).slice(-rhythmGapWindow);
  if (gaps.length >= loggedGapsTrusted) return median(gaps);
  return importedRhythmDays(imported) ?? median(gaps);
};

/** The shop's lapse rules (settings): how far past their own rhythm a customer may go. */
export interface LapseRules {
  /** Lapsed after this many times their usual gap (e.g. 2×). */
  multiplier: number;
  /** Never lapsed sooner than this many days, however often they come. */
  minDays: number;
  /** Always lapsed after this many days, however rarely they come. */
  maxDays: number;
  /** Visits needed before their own rhythm is trusted. */
  minVisits: number;
  /** For customers with fewer visits: lapsed after this many days (or their rhythm × multiplier if longer). */
  fallbackDays: number;
}

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/**
 * Days without a visit or contact after which a customer counts as lapsed; null for someone who
 * never visited (not a regular yet, so nothing to lapse from).
 */
export const lapseThresholdDays = (rhythm: number | null, visitCount: number, rules: LapseRules): number | null => {
  if (visitCount <= 0) return null;
  const ownRhythm = rhythm === null ? null : rules.multiplier * rhythm;
  if (ownRhythm !== null && visitCount >= rules.minVisits) return clamp(ownRhythm, rules.minDays, rules.maxDays);
  return clamp(Math.max(rules.fallbackDays, ownRhythm ?? 0), rules.minDays, rules.maxDays);
};

/** The first local day on which the customer is lapsed: more than `threshold` days after their last visit or contact. */
export const lapsesOnDay = (lastActivityDay: string, thresholdDays: number): string => plusDays(lastActivityDay, Math.floor(thresholdDays) + 1);

export const isLapsedOn = (lapsesOn: string | null, today: string): boolean => lapsesOn !== null && lapsesOn <= today;

/** Whole days from the last visit or contact to today ("31 days ago"). */
export const daysAway = (lastActivityDay: string, today: string): number => daysBetween(lastActivityDay, today);
