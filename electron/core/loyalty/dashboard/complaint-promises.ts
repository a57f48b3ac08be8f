import { settledPromiseRows, statsComplaintRows } from '../../complaints/stats-queries';
import type { DashboardProvider, DashboardRange } from './provider';

/** The month of the range an instant falls in (bounds are shop-local months as UTC instants). */
const monthOf = (range: DashboardRange, instant: string): string | undefined =>
  range.monthBounds.find((bounds) => instant >= bounds.from && instant < bounds.to)?.month;

/** Complaints received per month, and the share of the promises settled that month that were kept. */
export const complaintPromisesProvider: DashboardProvider = {
  name: 'complaint_promises',
  load: (db, range) => {
    const months = new Map(range.months.map((month) => [month, { complaints: 0, settled: 0, kept: 0 }]));
    for (const row of statsComplaintRows(db, range.fromInstant)) {
      const month = months.get(monthOf(range, row.received_at) ?? '');
      if (month) month.complaints += 1;
    }
    for (const row of settledPromiseRows(db, range.fromInstant)) {
      const month = months.get(monthOf(range, row.settled_at) ?? '');
      if (!month) continue;
      month.settled += 1;
      if (row.outcome === 'kept') month.kept += 1;
    }
    const figures = [...months.values()];
    return {
      empty: figures.every((month) => month.complaints === 0 && month.settled === 0),
      data: {
        shape: 'periods',
        series: [
          { key: 'complaints', draw: 'bar', axis: 'count' },
          { key: 'kept', draw: 'line', axis: 'share' },
        ],
        rows: [...months].map(([period, month]) => ({ period, values: { complaints: month.complaints, kept: month.settled === 0 ? null : month.kept / month.settled } })),
      },
    };
  },
};
