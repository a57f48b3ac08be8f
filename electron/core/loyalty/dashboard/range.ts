import { DateTime } from 'luxon';
import { dashboardMaxMonths } from '../../../../shared/contract/loyalty';
import { err, ok, type Result } from '../../../../shared/result';
import type { DashboardRange } from './provider';

/**
 * Each month from `start` (a month's start in the shop's zone) up to `end` (exclusive), as the UTC
 * instants visit_month_figures is keyed by: the dashboard and the derived pass must spell a month alike.
 */
export const monthBoundsBetween = (start: DateTime, end: DateTime): DashboardRange['monthBounds'] => {
  const bounds: DashboardRange['monthBounds'] = [];
  for (let month = start; month < end; month = month.plus({ months: 1 })) {
    bounds.push({ month: month.toFormat('yyyy-MM'), from: month.toUTC().toISO() ?? '', to: month.plus({ months: 1 }).toUTC().toISO() ?? '' });
  }
  return bounds;
};

/** The dashboard's months in the shop's zone; refused when backwards or longer than five years. */
export const dashboardRange = (fromMonth: string, toMonth: string, zone: string, now: Date, mayWrite: boolean): Result<DashboardRange> => {
  if (fromMonth > toMonth) return err('VALIDATION_FAILED', { issues: [{ path: 'fromMonth', rule: 'invalid_date' }] });
  const start = DateTime.fromISO(`${fromMonth}-01`, { zone }).startOf('month');
  const end = DateTime.fromISO(`${toMonth}-01`, { zone }).startOf('month').plus({ months: 1 });
  if (end.diff(start, 'months').months > dashboardMaxMonths) return err('VALIDATION_FAILED', { issues: [{ path: 'toMonth', rule: 'too_big', limit: dashboardMaxMonths }] });
  return ok(rangeBetween(start, end, now, mayWrite));
};

/** The `count` months up to and including the current one, in the shop's zone; read only (nothing kept). */
export const lastMonthsRange = (count: number, zone: string, now: Date): DashboardRange => {
  const end = DateTime.fromJSDate(now).setZone(zone).startOf('month').plus({ months: 1 });
  return rangeBetween(end.minus({ months: count }), end, now, false);
};

const rangeBetween = (start: DateTime, end: DateTime, now: Date, mayWrite: boolean): DashboardRange => {
  const monthBounds = monthBoundsBetween(start, end);
  const months = monthBounds.map((bound) => bound.month);
  const today = DateTime.fromJSDate(now).setZone(start.zone);
  const cache = new Map<string, unknown>();
  return {
    fromMonth: months[0] ?? '',
    toMonth: months.at(-1) ?? '',
    months,
    fromInstant: start.toUTC().toISO() ?? '',
    toInstant: end.toUTC().toISO() ?? '',
    fromDay: start.toISODate() ?? '',
    toDay: end.toISODate() ?? '',
    monthBounds,
    shared: <T>(key: string, compute: () => T): T => {
      if (!cache.has(key)) cache.set(key, compute());
      return cache.get(key) as T;
    },
    mayWrite,
    today: today.toISODate() ?? '',
    currentMonth: today.toFormat('yyyy-MM'),
  };
};
