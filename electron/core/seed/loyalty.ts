import { DateTime } from 'luxon';
import { decideTier, moneyCutoffs, tiers, type Tier } from '../../../shared/loyalty/tiers';
import type { Db } from '../db/connection';
import { putTierHistoryMonth, readLoyaltySettings, tierRulesOf } from '../loyalty';
import { customerPoints, customersCreatedBefore, spendBetween } from './loyalty-queries';

const historyMonths = 12;

interface Year {
  from: string;
  to: string;
  /** The month the counts are recorded for (the one ending at `to`). */
  month: string;
  /** Each customer who bought in the year: their spend in it (amounts missing count as nothing) and points now. */
  spent: { revenue: number; points: number }[];
}

/**
 * A year of tier history for the seeded book (its tiers now are the derived pass's) as the monthly passes would have recorded
 * it had the app been running: each past month's end ranked by the trailing year's spending then
 * (points as they are now), so the tier chart has a story to tell from the first start. The
 * visits are read once for all the months, a customer at a time.
 */
export const seedTierHistory = (db: Db, now: Date, zone: string): void => {
  const environment = { rules: tierRulesOf(readLoyaltySettings(db)) };
  const thisMonth = DateTime.fromJSDate(now).setZone(zone).startOf('month');
  const years: Year[] = [];
  for (let back = 1; back < historyMonths; back += 1) {
    const monthEnd = thisMonth.minus({ months: back - 1 });
    years.push({
      to: monthEnd.toUTC().toISO() ?? '',
      from: monthEnd.minus({ years: 1 }).toUTC().toISO() ?? '',
      month: monthEnd.minus({ months: 1 }).toFormat('yyyy-MM'),
      spent: [],
    });
  }
  if (years.length === 0) return;
  const points = customerPoints(db);
  const bought = years.map(() => false);
  const revenue = years.map(() => 0);
  let customer: string | null = null;
  const close = () => {
    if (customer === null) return;
    const customerPointsNow = points.get(customer) ?? 0;
    years.forEach((year, index) => {
      if (bought[index]) year.spent.push({ revenue: revenue[index] ?? 0, points: customerPointsNow });
      bought[index] = false;
      revenue[index] = 0;
    });
  };
  // Instants as ISO text in UTC: they order as strings, as in SQL.
  const earliest = years.reduce((from, year) => (year.from < from ? year.from : from), years[0]?.from ?? '');
  const latest = years.reduce((to, year) => (year.to > to ? year.to : to), years[0]?.to ?? '');
  for (const [customerId, occurredAt, amount] of spendBetween(db, earliest, latest)) {
    if (customerId !== customer) {
      close();
      customer = customerId;
    }
    years.forEach((year, index) => {
      if (occurredAt < year.from || occurredAt >= year.to) return;
      bought[index] = true;
      revenue[index] = (revenue[index] ?? 0) + (amount ?? 0);
    });
  }
  close();
  for (const year of years) {
    const cutoffs = moneyCutoffs(
      year.spent.map((row) => row.revenue).filter((spend) => spend > 0).sort((a, b) => b - a),
      environment.rules,
    );
    const counts = Object.fromEntries(tiers.map((tier) => [tier, 0])) as Record<Tier, number>;
    for (const row of year.spent) counts[decideTier(row.revenue, row.points, cutoffs, environment.rules).tier] += 1;
    // Customers in the book by then who spent nothing in that year are Small.
    counts.small += Math.max(0, customersCreatedBefore(db, year.to) - year.spent.length);
    for (const tier of tiers) putTierHistoryMonth(db, year.month, tier, counts[tier]);
  }
};
