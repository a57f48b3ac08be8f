import { monthlyReferralShare, type MonthCount, type MonthShare } from '../../../../shared/referrals/figures';
import type { Db } from '../../db/connection';
import { monthFigures, newCustomerFigures } from './month-figures';
import type { DashboardProvider } from './provider';
import type { MonthNewCustomers } from './queries';
import { lastMonthsRange } from './range';

/**
 * A month's new customers are its first-timers still in the book — the flow chart's "new" — and the
 * referred among them, however long after their first visit the referral was noted. Customers added
 * to the book who have not come yet (a file of phone contacts) are nobody's new customers yet.
 */
const countsOf = (figures: Map<string, MonthNewCustomers>): MonthCount[] =>
  [...figures].map(([month, counts]) => ({ month, newCustomers: counts.new_customers, referred: counts.referred_new_customers }));

/** New customers per month, split into those a customer brought and the others, and the referred share. */
export const referralShareProvider: DashboardProvider = {
  name: 'referral_share',
  load: (db, range) => {
    const months = monthlyReferralShare(range.months, countsOf(monthFigures(db, range)));
    return {
      empty: months.every((month) => month.newCustomers === 0),
      data: {
        shape: 'periods',
        series: [
          { key: 'referred', draw: 'bar', axis: 'count', stack: 'new' },
          { key: 'others', draw: 'bar', axis: 'count', stack: 'new' },
          { key: 'share', draw: 'line', axis: 'share' },
        ],
        rows: months.map((month) => ({ period: month.month, values: { referred: month.referred, others: month.newCustomers - month.referred, share: month.share } })),
      },
    };
  },
};

/** The referred share of the last `count` months, the current one included: what the dashboard's chart draws for them. */
export const referralShareOfLastMonths = (db: Db, count: number, zone: string, now: Date): MonthShare[] => {
  const range = lastMonthsRange(count, zone, now);
  return monthlyReferralShare(range.months, countsOf(newCustomerFigures(db, range)));
};
