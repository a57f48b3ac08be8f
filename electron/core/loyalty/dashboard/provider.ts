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
   * A SQLite modifier ('+480 minutes') turning a UTC instant into shop-local time for grouping by
   * month: the zone's offset at the end of the range (a visit in the DST-shifted hour around
   * midnight on a month's last day may fall into the neighbouring month).
   */
  shift: string;
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
