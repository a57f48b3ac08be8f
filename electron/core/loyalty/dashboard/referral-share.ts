import { monthlyReferralShare } from '../../../../shared/referrals/figures';
import { monthCounts } from '../../referrals';
import type { DashboardProvider } from './provider';

/** New customers per month, split into those a customer brought and the others, and the referred share. */
export const referralShareProvider: DashboardProvider = {
  name: 'referral_share',
  load: (db, range) => {
    const counts = monthCounts(db, range.monthBounds.map(({ month, from, to }) => ({ month, start: from, end: to })));
    const months = monthlyReferralShare(range.months, counts);
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
