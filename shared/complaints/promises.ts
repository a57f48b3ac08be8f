/**
 * Time-limited promises: a reply by and a resolution by. Each is settled once, either when it is met
 * (kept if met at or before its deadline) or when its deadline passes unmet (broken, at the deadline
 * itself), and never recomputed afterwards.
 */
export const promiseKinds = ['reply', 'resolve'] as const;
export type PromiseKind = (typeof promiseKinds)[number];

export type PromiseOutcome = 'kept' | 'broken';

/** Met at `metAt`: kept when not later than the deadline, to the millisecond. */
export const outcomeWhenMet = (dueAt: string, metAt: string): PromiseOutcome => (Date.parse(metAt) <= Date.parse(dueAt) ? 'kept' : 'broken');

/** Unmet at `now`: broken once the deadline has passed (a promise due right now can still be kept). */
export const isMissed = (dueAt: string, now: string): boolean => Date.parse(now) > Date.parse(dueAt);

export type PromiseStanding = 'running' | 'due_soon' | 'overdue' | 'kept' | 'broken';

/** What the board shows for a promise: settled ones say how; running ones warn within `soonMs` of the deadline. */
export const promiseStanding = (promise: { dueAt: string; outcome: PromiseOutcome | null }, now: string, soonMs: number): PromiseStanding => {
  if (promise.outcome !== null) return promise.outcome;
  const left = Date.parse(promise.dueAt) - Date.parse(now);
  if (left < 0) return 'overdue';
  return left <= soonMs ? 'due_soon' : 'running';
};

/** Share of settled promises that were kept, 0–100 rounded; null when none was settled. */
export const keptPercent = (kept: number, settled: number): number | null => (settled === 0 ? null : Math.round((kept / settled) * 100));
