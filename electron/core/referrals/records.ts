import { z } from 'zod';
import { referralRewardKind } from '../../../shared/reminders/kinds/referral-reward';
import { participant } from '../customer-records';
import { moveReferralsForMerge, returnReferralsAfterMerge } from './merge';
import { countReferralRecords, deleteReferralRecords, detachRewardsFromVisit, referralsTouching } from './queries';

const linkRow = z.object({
  customer_id: z.string(),
  referrer_id: z.string(),
  referred_at: z.string(),
  staff_id: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
});

const rewardRow = z.object({
  id: z.string(),
  referrer_id: z.string(),
  referred_id: z.string(),
  visit_id: z.string().nullable(),
  kind: z.enum(['discount', 'gift', 'points', 'thanks']),
  value: z.number(),
  gift: z.string(),
  status: z.enum(['earned', 'given', 'void']),
  earned_at: z.string(),
  given_at: z.string().nullable(),
  given_by_staff_id: z.string().nullable(),
  voided_at: z.string().nullable(),
  void_reason: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});

/**
 * Referral links and rewards follow their customers through a merge (without ever making a
 * customer their own referrer or closing a loop) and go with them when they are deleted for good.
 */
export const referralsRecords = participant({
  name: 'referrals',
  count: (db, customerId) => {
    const counts = countReferralRecords(db, customerId);
    return [
      { kind: 'referrals', count: counts.links },
      { kind: 'referralRewards', count: counts.rewards },
    ];
  },
  moveForMerge: moveReferralsForMerge,
  moved: z.object({ removed: z.array(linkRow), added: z.array(linkRow), rewards: z.array(rewardRow) }),
  undoMerge: returnReferralsAfterMerge,
  purge: (db, customerId) => deleteReferralRecords(db, customerId, referralRewardKind.name),
  purgeVisit: detachRewardsFromVisit,
  // The referrers of both customers: their referral points follow the links the merge re-pointed.
  alsoTouched: (db, customerIds) => referralsTouching(db, customerIds).map((row) => row.referrer_id),
});
