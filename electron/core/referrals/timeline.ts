import type { TimelineSource } from '../timeline';
import { toReferralReward } from './present';
import { referralTimelineRows, rewardTimelineRows } from './timeline-queries';

/** Whom the customer brought and who brought them, at the day of the referral. */
export const referralsTimelineSource: TimelineSource = (db, customerId, before, limit) =>
  referralTimelineRows(db, { id: customerId, at: before.at, cursor_id: before.id, limit }).map((row) => ({
    kind: 'referral',
    id: row.item_id,
    at: row.at,
    role: row.role,
    other: { id: row.other_id, name: row.other_name, archived: row.other_archived === 1 },
  }));

/** The referrer's rewards: when each was earned and when it was handed over. */
export const referralRewardsTimelineSource: TimelineSource = (db, customerId, before, limit) =>
  rewardTimelineRows(db, { id: customerId, at: before.at, cursor_id: before.id, limit }).map((row) => ({
    kind: 'referral_reward',
    id: row.item_id,
    at: row.at,
    event: row.event,
    reward: toReferralReward(row),
  }));
