import { tiers } from '../../../../shared/loyalty/tiers';
import type { DashboardProvider } from './provider';
import { tierHistory, tiersNow } from './queries';

/**
 * Customers per tier at the end of each month, as the month's last rows left them; the current month
 * is counted live. Months before tiers were first recorded have no bar.
 */
export const tiersOverTimeProvider: DashboardProvider = {
  name: 'tiers_over_time',
  load: (db, range) => {
    const found = new Map<string, Record<string, number | null>>();
    for (const row of tierHistory(db, range.fromMonth, range.toMonth)) {
      const values = found.get(row.month) ?? Object.fromEntries(tiers.map((tier) => [tier, 0]));
      values[row.tier] = row.customers;
      found.set(row.month, values);
    }
    if (range.months.includes(range.currentMonth)) {
      const current: Record<string, number | null> = Object.fromEntries(tiers.map((tier) => [tier, 0]));
      for (const row of tiersNow(db)) current[row.tier] = row.customers;
      found.set(range.currentMonth, current);
    }
    const rows = range.months.filter((month) => found.has(month)).map((period) => ({ period, values: found.get(period) ?? {} }));
    const anyone = rows.some((row) => Object.values(row.values).some((count) => (count ?? 0) > 0));
    return {
      empty: !anyone,
      data: {
        shape: 'periods',
        series: tiers.map((tier) => ({ key: tier, draw: 'bar' as const, axis: 'count' as const, stack: 'tiers', segment: { tier } })),
        rows,
      },
    };
  },
};
