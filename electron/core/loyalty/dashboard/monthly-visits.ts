import type { Db } from '../../db/connection';
import type { DashboardRange } from './provider';
import { visitsInMonth, type MonthVisits } from './queries';

/** Visits, revenue and distinct visiting customers per month of the range, read once per dashboard call. */
export const monthlyVisits = (db: Db, range: DashboardRange): Map<string, MonthVisits> =>
  range.shared('monthly-visits', () => new Map(range.monthBounds.map(({ month, from, to }) => [month, visitsInMonth(db, from, to)])));
