import { DateTime } from 'luxon';
import { decideTier, moneyCutoffs, tiers, type Tier } from '../../../shared/loyalty/tiers';
import type { Db } from '../db/connection';
import { putTierHistoryMonth, readLoyaltySettings, tierRulesOf } from '../loyalty';
import { customersCreatedBefore, spendInYearBefore } from './loyalty-queries';

const historyMonths = 12;

/**
 * A year of tier history for the seeded book (its tiers now are the derived pass's) as the monthly passes would have recorded
 * it had the app been running: each past month's end ranked by the trailing year's spending then
 * (points as they are now), so the tier chart has a story to tell from the first start.
 */
export const seedTierHistory = (db: Db, now: Date, zone: string): void => {
  const environment = { rules: tierRulesOf(readLoyaltySettings(db)) };
  const thisMonth = DateTime.fromJSDate(now).setZone(zone).startOf('month');
  for (let back = 1; back < historyMonths; back += 1) {
    const monthEnd = thisMonth.minus({ months: back - 1 });
    const to = monthEnd.toUTC().toISO() ?? '';
    const from = monthEnd.minus({ years: 1 }).toUTC().toISO() ?? '';
    const spent = spendInYearBefore(db, from, to);
    const cutoffs = moneyCutoffs(
      spent.map((row) => row.revenue).filter((revenue) => revenue > 0).sort((a, b) => b - a),
      environment.rules,
    );
    const counts = Object.fromEntries(tiers.map((tier) => [tier, 0])) as Record<Tier, number>;
    for (const row of spent) counts[decideTier(row.revenue, row.points, cutoffs, environment.rules).tier] += 1;
    // Customers in the book by then who spent nothing in that year are Small.
    counts.small += Math.max(0, customersCreatedBefore(db, to) - spent.length);
    const month = monthEnd.minus({ months: 1 }).toFormat('yyyy-MM');
    for (const tier of tiers) putTierHistoryMonth(db, month, tier, counts[tier]);
  }
};
