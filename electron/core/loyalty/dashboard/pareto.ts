import { paretoCurve, revenueShareOfTop } from '../../../../shared/loyalty/pareto';
import type { DashboardProvider } from './provider';
import { spendInRange } from './queries';

/** Cumulative share of revenue against share of customers, ranked by what they spent in the range. */
export const paretoProvider: DashboardProvider = {
  name: 'pareto',
  load: (db, range) => {
    // A typed array sorts numbers natively, several times faster than a comparator over 100,000 spenders.
    const descending = Array.from(Float64Array.from(spendInRange(db, range.fromInstant, range.toInstant)).sort().reverse());
    const points = paretoCurve(descending, 40);
    return {
      empty: points.length === 0,
      data: {
        shape: 'pareto',
        points,
        spenders: descending.length,
        top20RevenueShare: revenueShareOfTop(descending, 0.2),
        revenueMinor: descending.reduce((sum, value) => sum + value, 0),
      },
    };
  },
};
