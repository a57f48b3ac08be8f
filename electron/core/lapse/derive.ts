import { localDayFinder } from '../../../shared/reminders/days';
import { lapsesOnDay, lapseThresholdDays, rhythmDays, rhythmGapWindow, type LapseRules } from '../../../shared/reminders/rhythm';
import type { Db } from '../db/connection';
import { readStateValue, writeStateValue } from '../settings/queries';
import { allLapseRows, iterateVisitTimes, lapseRow, recentVisitTimes, setLapse, type DbLapseRow } from './queries';

/**
 * Each customer's rhythm (median gap between visits) and lapse day, derived from their visits and
 * contacts under the shop's lapse rules and time zone. Recomputed for one customer on every visit
 * or contact write, and for everyone in one pass when the rules or the zone change.
 */

/** Bump when the rules in shared/reminders/rhythm.ts change meaning: books recompute on next open. */
const algorithmVersion = 1;
const basisKey = 'lapse.basis';

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

export interface LapseChange {
  /** The lapse day before this write, to tell whether the customer was lapsed when they came back. */
  lapsesOnBefore: string | null;
  lapsesOn: string | null;
  rhythmDays: number | null;
}

/** Recomputes one customer after a visit or contact was written or archived. */
export const refreshCustomerLapse = (db: Db, customerId: string, context: LapseContext): LapseChange | null => {
  const row = lapseRow(db, customerId);
  if (row === null) return null;
  const rhythm = rhythmDays(recentVisitTimes(db, customerId, visitsForRhythm));
  const lapsesOn = lapsesOnFor(row, rhythm, context.rules, localDayFinder(context.zone));
  if (rhythm !== row.visit_rhythm_days || lapsesOn !== row.lapses_on) setLapse(db, customerId, rhythm, lapsesOn);
  return { lapsesOnBefore: row.lapses_on, lapsesOn, rhythmDays: rhythm };
};

const basisOf = (context: LapseContext): string => JSON.stringify({ version: algorithmVersion, zone: context.zone, rules: context.rules });

/** Recomputes every customer in one pass over the visits (set-based: one streamed query, changed rows written). */
export const rebuildAllLapse = (db: Db, context: LapseContext): { changed: number } => {
  const rhythms = new Map<string, number>();
  let current: string | null = null;
  let times: string[] = [];
  const finish = () => {
    if (current === null) return;
    const rhythm = rhythmDays(times);
    if (rhythm !== null) rhythms.set(current, rhythm);
  };
  for (const [customerId, occurredAt] of iterateVisitTimes(db)) {
    if (customerId !== current) {
      finish();
      current = customerId;
      times = [];
    }
    times.push(occurredAt);
    if (times.length > visitsForRhythm) times.shift();
  }
  finish();

  const localDayOf = localDayFinder(context.zone);
  let changed = 0;
  for (const row of allLapseRows(db)) {
    const rhythm = rhythms.get(row.id) ?? null;
    const lapsesOn = lapsesOnFor(row, rhythm, context.rules, localDayOf);
    if (rhythm !== row.visit_rhythm_days || lapsesOn !== row.lapses_on) {
      setLapse(db, row.id, rhythm, lapsesOn);
      changed += 1;
    }
  }
  writeStateValue(db, basisKey, basisOf(context));
  return { changed };
};

/** Brings every customer's lapse day in line with the current rules and zone, if they changed since the last pass. */
export const ensureLapseCurrent = (db: Db, context: LapseContext): boolean => {
  if (readStateValue(db, basisKey) === basisOf(context)) return false;
  db.transaction(() => rebuildAllLapse(db, context)).immediate();
  return true;
};
