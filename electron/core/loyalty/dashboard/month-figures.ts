import { errorCodeForSqlite } from '../../sqlite-errors';
import type { Db } from '../../db/connection';
import type { DashboardRange } from './provider';
import { allKeptMonths, keepMonthFigures, keptMonthFigures, newInMonth, visitsInMonth, type MonthFigures } from './queries';

/** Writing the figures down is a saving, not a duty: a book that cannot take the write now recomputes them next time. */
const keepIfPossible = (db: Db, figures: MonthFigures): void => {
  try {
    keepMonthFigures(db, figures);
  } catch (caught) {
    const code = errorCodeForSqlite(caught);
    if (code !== 'BOOK_BUSY' && code !== 'READ_ONLY_BOOK' && code !== 'DISK_FULL') throw caught;
  }
};

const countMonth = (db: Db, from: string, to: string): MonthFigures => ({ from_at: from, to_at: to, ...visitsInMonth(db, from, to), new_customers: newInMonth(db, from, to) });

/** The full rebuild of the kept months (a handful of rows): each counted again from the visits. */
export const recountKeptMonths = (db: Db): void => {
  for (const recount of keptMonthRecounts(db)) recount();
};

/** Each kept month's recount on its own, so a pass in steps can give each its own short transaction. */
export const keptMonthRecounts = (db: Db): (() => void)[] =>
  allKeptMonths(db).map(({ from_at, to_at }) => () => keepMonthFigures(db, countMonth(db, from_at, to_at)));

/**
 * Visits, revenue, distinct visitors and first-time customers per month of the range, read once
 * per dashboard call. Months already read come from visit_month_figures (the migration's triggers
 * forget a month when a visit or first visit in it changes); the others are counted from the
 * visits — tens of milliseconds a month on a book of a million visits — and kept, unless a job is
 * writing the book (the write would wait for it).
 */
export const monthFigures = (db: Db, range: DashboardRange): Map<string, MonthFigures> =>
  range.shared('month-figures', () => {
    const kept = new Map(keptMonthFigures(db, range.fromInstant, range.toInstant).map((row) => [`${row.from_at}|${row.to_at}`, row]));
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
