import { localDayFinder } from '../../../shared/reminders/days';
import { lapsesOnDay, lapseThresholdDays, rhythmGapWindow, rhythmWithImportedDays, type LapseRules } from '../../../shared/reminders/rhythm';
import type { Db } from '../db/connection';
import { importedSummaries, iterateVisitTimes, lapseRows, setLapse, type DbLapseRow, type LapseScope } from './lapse-queries';

/**
 * Each customer's rhythm (median gap between visits, or their imported history's average gap while
 * they have few visits logged here) and lapse day, derived from their visits, imported history and
 * activity summary under the shop's lapse rules and time zone.
 */

/** Enough visits for the rhythm's window of gaps. */
const visitsForRhythm = rhythmGapWindow + 1;

export interface LapseContext {
  rules: LapseRules;
  zone: string;
}

const lastActivityOf = (row: Pick<DbLapseRow, 'last_visit_at' | 'last_contact_at'>): string | null => {
  if (row.last_visit_at === null) return row.last_contact_at;
  if (row.last_contact_at === null) return row.last_visit_at;
  return row.last_visit_at > row.last_contact_at ? row.last_visit_at : row.last_contact_at;
};

const lapsesOnFor = (row: DbLapseRow, rhythm: number | null, rules: LapseRules, localDayOf: (instant: string) => string): string | null => {
  const threshold = lapseThresholdDays(rhythm, row.visit_count, rules);
  const lastActivity = lastActivityOf(row);
  return threshold === null || lastActivity === null ? null : lapsesOnDay(localDayOf(lastActivity), threshold);
};

/** Each customer's rhythm from their visits and imported history, for the customers in `scope`, in one streamed pass. */
const rhythmsOf = (db: Db, scope: LapseScope): Map<string, number> => {
  const imported = importedSummaries(db, scope);
  const rhythms = new Map<string, number>();
  for (const [customerId, times] of iterateVisitTimes(db, visitsForRhythm, scope)) {
    const rhythm = rhythmWithImportedDays(times, imported.get(customerId) ?? null);
    if (rhythm !== null) rhythms.set(customerId, rhythm);
  }
  for (const [customerId, summary] of imported) {
    if (rhythms.has(customerId)) continue;
    const rhythm = rhythmWithImportedDays([], summary);
    if (rhythm !== null) rhythms.set(customerId, rhythm);
  }
  return rhythms;
};

/** Rhythm and lapse day of the customers in `scope`: the same pass for a few, a chunk and everyone; answers how many changed. */
const writeLapseOf = (db: Db, scope: LapseScope, context: LapseContext): number => {
  const rhythms = rhythmsOf(db, scope);
  const localDayOf = localDayFinder(context.zone);
  let changed = 0;
  for (const row of lapseRows(db, scope)) {
    const rhythm = rhythms.get(row.id) ?? null;
    const lapsesOn = lapsesOnFor(row, rhythm, context.rules, localDayOf);
    if (rhythm !== row.visit_rhythm_days || lapsesOn !== row.lapses_on) {
      setLapse(db, row.id, rhythm, lapsesOn);
      changed += 1;
    }
  }
  return changed;
};

/** Recomputes these customers' rhythm and lapse day. */
export const refreshLapseOf = (db: Db, customerIds: readonly string[], context: LapseContext): void => {
  writeLapseOf(db, customerIds, context);
};

/** Rhythm and lapse day of the customers whose ids lie from `first` to `last` (a chunk of the pass in steps). */
export const refreshLapseOfRange = (db: Db, range: { first: string; last: string }, context: LapseContext): void => {
  writeLapseOf(db, range, context);
};

/** Every customer's rhythm and lapse day in one pass; answers how many changed. */
export const rebuildAllLapse = (db: Db, context: LapseContext): number => writeLapseOf(db, null, context);
