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

/** What the stored lapse days were worked out from; a different basis means recomputing them. */
interface LapseBasis {
  version: number;
  zone: string;
  rules: LapseRules;
}

const basisOf = (context: LapseContext): LapseBasis => ({ version: algorithmVersion, zone: context.zone, rules: context.rules });

const readBasis = (db: Db): LapseBasis | null => {
  const stored = readStateValue(db, basisKey);
  if (typeof stored !== 'string') return null;
  try {
    return JSON.parse(stored) as LapseBasis;
  } catch {
    return null;
  }
};

/** Every customer's rhythm from their visits: one streamed pass over the book, for when visits changed in bulk. */
const allRhythms = (db: Db): Map<string, number> => {
  const rhythms = new Map<string, number>();
  for (const [customerId, times] of iterateVisitTimes(db)) {
    const rhythm = rhythmDays(times.slice(-visitsForRhythm));
    if (rhythm !== null) rhythms.set(customerId, rhythm);
  }
  return rhythms;
};

/**
 * Recomputes every customer's lapse day in one set-based pass. With `rhythms`, their rhythms too,
 * from all their visits (after seeding, importing, or a change of the rules in rhythm.ts); without,
 * from the stored rhythms (a change of the shop's lapse rules or zone needs no visit read).
 */
export const rebuildAllLapse = (db: Db, context: LapseContext, options: { rhythms: boolean }): { changed: number } => {
  const rhythms = options.rhythms ? allRhythms(db) : null;
  const localDayOf = localDayFinder(context.zone);
  let changed = 0;
  for (const row of allLapseRows(db)) {
    const rhythm = rhythms === null ? row.visit_rhythm_days : (rhythms.get(row.id) ?? null);
    const lapsesOn = lapsesOnFor(row, rhythm, context.rules, localDayOf);
    if (rhythm !== row.visit_rhythm_days || lapsesOn !== row.lapses_on) {
      setLapse(db, row.id, rhythm, lapsesOn);
      changed += 1;
    }
  }
  writeStateValue(db, basisKey, JSON.stringify(basisOf(context)));
  return { changed };
};

/**
 * Brings every customer's lapse day in line with the current rules and zone, if they changed since
 * the last pass (and their rhythms too, for a book that never had them or older rules).
 */
export const ensureLapseCurrent = (db: Db, context: LapseContext): boolean => {
  const stored = readBasis(db);
  const wanted = basisOf(context);
  if (stored !== null && JSON.stringify(stored) === JSON.stringify(wanted)) return false;
  db.transaction(() => rebuildAllLapse(db, context, { rhythms: stored === null || stored.version !== wanted.version })).immediate();
  return true;
};
