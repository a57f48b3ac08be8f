import { plusDays } from '../../../../shared/reminders/days';
import type { DashboardProvider } from './provider';
import { monthRows } from './provider';
import { monthFigures } from './month-figures';
import { lapsedByMonth } from './queries';

const keys = ['new', 'returning', 'lapsed'] as const;

/**
 * Per month: customers who came for the first time, customers who came back, and customers who
 * lapsed that month and are still away. Lapsed means the lapse day has come (isLapsedOn in
 * shared/reminders/rhythm.ts): in the current month only lapse days up to today count, not the
 * ones still to come later in the month.
 */
export const customerFlowProvider: DashboardProvider = {
  name: 'customer_flow',
  load: (db, range) => {
    const figures = monthFigures(db, range);
    const tomorrow = plusDays(range.today, 1);
    const lapsedUntil = range.toDay < tomorrow ? range.toDay : tomorrow;
    const lapsed = new Map(lapsedByMonth(db, range.fromDay, lapsedUntil).map((row) => [row.period, row.customers]));
    const found = new Map<string, Record<string, number | null>>();
    for (const [month, { customers, new_customers: newCount }] of figures) {
      found.set(month, { new: newCount, returning: Math.max(0, customers - newCount), lapsed: lapsed.get(month) ?? 0 });
    }
    const rows = monthRows(range, keys, found);
    return {
      empty: rows.every((row) => keys.every((key) => (row.values[key] ?? 0) === 0)),
      data: {
        shape: 'periods',
        series: [
          { key: 'new', draw: 'bar', axis: 'count', stack: 'flow' },
          { key: 'returning', draw: 'bar', axis: 'count', stack: 'flow' },
          { key: 'lapsed', draw: 'line', axis: 'count', segment: { lapse: 'lapsed' } },
        ],
        rows,
      },
    };
  },
};
