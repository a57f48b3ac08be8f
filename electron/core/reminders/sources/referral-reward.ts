import { referralRewardKind } from '../../../../shared/reminders/kinds/referral-reward';
import type { ReminderSource } from '../source';
import { rewardsToHandOver } from './referral-reward-queries';

/** One reminder per earned, not yet given referral reward, for the referrer, due the day it was earned. */
export const referralRewardSource: ReminderSource = {
  kind: referralRewardKind.name,
  *wanted({ db, localDayOf, customerIds }) {
    for (const row of rewardsToHandOver(db, customerIds)) {
      yield {
        reasonKey: row.id,
        customerId: row.referrer_id,
        subjectId: row.referred_id,
        dueDay: localDayOf(row.earned_at),
        facts: { referredName: row.referred_name, rewardKind: row.kind, value: row.value, gift: row.gift },
      };
    }
  },
};
