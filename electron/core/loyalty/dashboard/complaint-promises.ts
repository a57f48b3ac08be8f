import { complaintsBetween } from '../../complaints';
import type { DashboardProvider } from './provider';

/** Complaints received per month, and the share of the promises settled that month that were kept. */
export const complaintPromisesProvider: DashboardProvider = {
  name: 'complaint_promises',
  load: (db, range) => {
    const months = range.monthBounds.map(({ month, from, to }) => ({ month, ...complaintsBetween(db, from, to) }));
    return {
      empty: months.every((month) => month.complaints === 0 && month.settled === 0),
      data: {
        shape: 'periods',
        series: [
          { key: 'complaints', draw: 'bar', axis: 'count' },
          { key: 'kept', draw: 'line', axis: 'share' },
        ],
        rows: months.map(({ month, complaints, settled, kept }) => ({ period: month, values: { complaints, kept: settled === 0 ? null : kept / settled } })),
      },
    };
  },
};
