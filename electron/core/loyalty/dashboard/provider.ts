import type { ChartData } from '../../../../shared/contract/loyalty';
import type { Db } from '../../db/connection';

/** The months a dashboard call covers, in the shop's calendar, and the same range as UTC instants. */
export interface DashboardRange {
  fromMonth: string;
  toMonth: string;
  /** Every month from fromMonth to toMonth, in order. */
  months: string[];
  /** Shop-local midnight starting fromMonth, and the one after toMonth ends (exclusive), in UTC. */
  fromInstant: string;
  toInstant: string;
  /** First day of fromMonth and of the month after toMonth (exclusive), YYYY-MM-DD. */
  fromDay: string;
  toDay: string;
  /**
   * Each month's own start and end instants in the shop's zone (DST included): grouping by month
   * is one index range per month, never a date function on every row.
   */
  monthBounds: { month: string; from: string; to: string }[];
  /** Work several charts share (the monthly visit figures), done once per dashboard call. */
  shared<T>(key: string, compute: () => T): T;
  /** False while a job holds the book's write lock: figures worth keeping are computed, not written. */
  mayWrite: boolean;
  /** The shop-local day and month now. */
  today: string;
  currentMonth: string;
}

/**
 * One chart of the loyalty dashboard: set-based SQL aggregated to at most a few hundred points.
 * A feature adds a chart with one entry in `dashboardProviders` (dashboard/index.ts) and its title
 * and series labels in shared/loyalty/sections.ts under the same name.
 */
export interface DashboardProvider {
  name: string;
  load(db: Db, range: DashboardRange): { empty: boolean; data: ChartData };
}

/** The rows for every month of the range, zeros where a month has nothing. */
export const monthRows = (range: DashboardRange, keys: readonly string[], found: ReadonlyMap<string, Record<string, number | null>>) =>
  range.months.map((period) => ({ period, values: found.get(period) ?? Object.fromEntries(keys.map((key) => [key, 0])) }));
