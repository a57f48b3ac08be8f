import type { DashboardProvider } from './provider';
import { monthRows } from './provider';
import { monthFigures } from './month-figures';

/** Visits (walk-ins included) and revenue per month. */
export const visitsRevenueProvider: DashboardProvider = {
  name: 'visits_revenue',
  load: (db, range) => {
    const byMonth = monthFigures(db, range);
    const found = new Map([...byMonth].map(([month, figures]) => [month, { visits: figures.visits, revenue: figures.revenue_minor }]));
    const rows = monthRows(range, ['visits', 'revenue'], found);
    return {
      empty: [...byMonth.values()].every((figures) => figures.visits === 0),
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
