import { DateTime } from 'luxon';
import { errorCodeForSqlite } from '../../sqlite-errors';
import type { Db } from '../../db/connection';
import type { DashboardRange } from './provider';
import {
  allKeptMonths,
  earliestInstant,
  forgetMonth,
  keepMonthFigures,
  keptMonthCount,
  keptMonthFigures,
  newCustomersInMonth,
  visitsInMonth,
  type MonthFigures,
  type MonthNewCustomers,
} from './queries';
import { monthBoundsBetween } from './range';

/** Writing the figures down is a saving, not a duty: a book that cannot take the write now recomputes them next time. */
const keepIfPossible = (db: Db, figures: MonthFigures): void => {
  try {
    keepMonthFigures(db, figures);
  } catch (caught) {
    const code = errorCodeForSqlite(caught);
    if (code !== 'BOOK_BUSY' && code !== 'READ_ONLY_BOOK' && code !== 'DISK_FULL') throw caught;
  }
};

const countMonth = (db: Db, from: string, to: string): MonthFigures => ({ from_at: from, to_at: to, ...visitsInMonth(db, from, to), ...newCustomersInMonth(db, from, to) });

interface MonthBound {
  from: string;
  to: string;
}

/**
 * The closed months last worked out, and while which instants they stay the same: a write asks for
 * them again and again, and working them out with luxon cost more than the rest of its upkeep.
 */
let lastClosed: { zone: string; firstFrom: string; firstTo: string; currentFrom: number; currentTo: number; bounds: MonthBound[] } | null = null;

/**
 * Every month of the book before the current one, in the shop's zone: from the month of its
 * earliest visit or first visit up to the start of this month. These are the months the derived
 * data keeps; the current month is still being written and is counted when the dashboard reads it.
 */
const closedMonths = (db: Db, zone: string, now: Date): MonthBound[] => {
  const earliest = earliestInstant(db);
  if (earliest === null) return [];
  const at = now.getTime();
  const last = lastClosed;
  // Instants as the book writes them (ISO, UTC): their text order is their time order.
  if (last !== null && last.zone === zone && earliest >= last.firstFrom && earliest < last.firstTo && at >= last.currentFrom && at < last.currentTo) return last.bounds;
  const first = DateTime.fromISO(earliest, { zone }).startOf('month');
  const current = DateTime.fromJSDate(now).setZone(zone).startOf('month');
  const bounds = monthBoundsBetween(first, current);
  lastClosed = {
    zone,
    firstFrom: first.toUTC().toISO() ?? '',
    firstTo: first.plus({ months: 1 }).toUTC().toISO() ?? '',
    currentFrom: current.toMillis(),
    currentTo: current.plus({ months: 1 }).toMillis(),
    bounds,
  };
  return bounds;
};

/** Whether a kept row is a month of the zone (not one kept under the zone the shop had before). */
const isMonthOf = (zone: string, from: string, to: string): boolean => {
  const start = DateTime.fromISO(from, { zone });
  return start.equals(start.startOf('month')) && start.plus({ months: 1 }).toUTC().toISO() === to;
};

/**
 * A full recount, step by step: first the months kept under another zone are forgotten, then every
 * closed month and every other month of the zone a dashboard read kept (the current one) is counted.
 */
export const monthRecounts = (db: Db, zone: string, now: Date): (() => void)[] => {
  const months = new Map<string, MonthBound>();
  for (const { from, to } of closedMonths(db, zone, now)) months.set(`${from}|${to}`, { from, to });
  const kept = allKeptMonths(db);
  const otherZone = kept.filter((month) => !isMonthOf(zone, month.from_at, month.to_at));
  for (const { from_at: from, to_at: to } of kept) if (isMonthOf(zone, from, to)) months.set(`${from}|${to}`, { from, to });
  const forget = () => {
    for (const month of otherZone) forgetMonth(db, month);
  };
  return [forget, ...[...months.values()].map(({ from, to }) => () => keepMonthFigures(db, countMonth(db, from, to)))];
};

/** The full rebuild of the kept months (a few dozen rows): each counted again from the visits. */
export const recountMonths = (db: Db, zone: string, now: Date): void => {
  for (const recount of monthRecounts(db, zone, now)) recount();
};

/**
 * After a write: the closed months its triggers forgot (migration 010 drops a month when a visit or
 * a first visit in it changes) are counted again, so every closed month stays kept, as a full
 * rebuild leaves it. A visit logged today forgets only the current month: the write then costs an
 * index bound and a count of the kept months' keys (under 20 µs). A visit put in a past month,
 * archived or moved by a merge costs a count of that month (tens of milliseconds on a book of a
 * million visits). The count is exact because the months between the first and the last closed one
 * are all the zone's (a zone change forgets the others in the catch-up it starts).
 */
export const keepClosedMonths = (db: Db, zone: string, now: Date): void => {
  const closed = closedMonths(db, zone, now);
  const [first] = closed;
  const last = closed.at(-1);
  if (first === undefined || last === undefined) return;
  if (keptMonthCount(db, first.from, last.to) >= closed.length) return;
  const kept = new Set(keptMonthFigures(db, first.from, last.to).map((row) => `${row.from_at}|${row.to_at}`));
  for (const { from, to } of closed) if (!kept.has(`${from}|${to}`)) keepMonthFigures(db, countMonth(db, from, to));
};

/** The range's kept months, by their bounds. */
const keptInRange = (db: Db, range: DashboardRange): Map<string, MonthFigures> =>
  new Map(keptMonthFigures(db, range.fromInstant, range.toInstant).map((row) => [`${row.from_at}|${row.to_at}`, row]));

/**
 * First-timers and the referred among them per month of the range, for a screen that shows only
 * those (the Referrals screen): a kept month as kept, another counted (two index ranges) and not
 * kept, since its visit figures were not counted.
 */
export const newCustomerFigures = (db: Db, range: DashboardRange): Map<string, MonthNewCustomers> => {
  const kept = keptInRange(db, range);
  return new Map(range.monthBounds.map(({ month, from, to }) => [month, kept.get(`${from}|${to}`) ?? newCustomersInMonth(db, from, to)]));
};

/**
 * Visits, revenue, distinct visitors and first-timers per month of the range, read once per
 * dashboard call. Closed months come kept by the derived data (keepClosedMonths and the full
 * pass); the others — the current month, or a month a zone change has not yet been counted in —
 * are counted from the visits, tens of milliseconds a month on a book of a million visits, and
 * kept until a write in them, unless a job is writing the book (the write would wait for it).
 */
export const monthFigures = (db: Db, range: DashboardRange): Map<string, MonthFigures> =>
  range.shared('month-figures', () => {
    const kept = keptInRange(db, range);
    return new Map(
      range.monthBounds.map(({ month, from, to }) => {
        const found = kept.get(`${from}|${to}`);
        if (found !== undefined) return [month, found];
        const figures = countMonth(db, from, to);
        if (range.mayWrite) keepIfPossible(db, figures);
        return [month, figures];
      }),
    );
  });
