import { paretoCurve, revenueShareOfTop, sumOfFirst } from '../../../../shared/loyalty/pareto';
import type { DashboardProvider } from './provider';
import { spendersInRange } from './spenders';

/**
 * Cumulative share of revenue against share of customers, ranked by what they spent in the range.
 * The customers are those still in the book, as the loyalty ranking and the first-timers count them:
 * an archived customer's spending is neither a spender nor part of the revenue shared out here.
 */
export const paretoProvider: DashboardProvider = {
  name: 'pareto',
  load: (db, range) => {
    // A typed array sorts numbers natively, several times faster than a comparator over 100,000 spenders; in place, as it is reversed.
    const descending = spendersInRange(db, range.fromInstant, range.toInstant).sort().reverse();
    const points = paretoCurve(descending, 40);
    return {
      empty: points.length === 0,
      data: {
        shape: 'pareto',
        points,
        spenders: descending.length,
        top20RevenueShare: revenueShareOfTop(descending, 0.2),
        revenueMinor: sumOfFirst(descending),
      },
    };
  },
};
