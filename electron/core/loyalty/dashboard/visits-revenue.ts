import type { DashboardProvider } from './provider';
import { monthRows } from './provider';
import { visitsByMonth } from './queries';

/** Visits (walk-ins included) and revenue per month. */
export const visitsRevenueProvider: DashboardProvider = {
  name: 'visits_revenue',
  load: (db, range) => {
    const found = new Map(visitsByMonth(db, range.fromInstant, range.toInstant, range.shift).map((row) => [row.period, { visits: row.visits, revenue: row.revenue }]));
    const rows = monthRows(range, ['visits', 'revenue'], found);
    return {
      empty: found.size === 0,
      data: {
        shape: 'periods',
        series: [
          { key: 'visits', draw: 'bar', axis: 'count' },
          { key: 'revenue', draw: 'line', axis: 'money' },
        ],
        rows,
      },
    };
  },
};
