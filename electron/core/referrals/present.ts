import type { ReferralLink, ReferralReward } from '../../../shared/contract/referrals';
import type { DbReferralLinkRow, DbRewardListRow } from './queries';

export const toReferralLink = (row: DbReferralLinkRow): ReferralLink => ({
  customer: { id: row.customer_id, name: row.customer_name, archived: row.customer_archived === 1 },
  referrer: { id: row.referrer_id, name: row.referrer_name, archived: row.referrer_archived === 1 },
  referredAt: row.referred_at,
  staffId: row.staff_id,
});

export const toReferralReward = (row: DbRewardListRow): ReferralReward => ({
  id: row.id,
  referrer: { id: row.referrer_id, name: row.referrer_name, archived: row.referrer_archived === 1 },
  referred: { id: row.referred_id, name: row.referred_name, archived: row.referred_archived === 1 },
  visitId: row.visit_id,
  kind: row.kind,
  value: row.value,
  gift: row.gift,
  status: row.status,
  earnedAt: row.earned_at,
  givenAt: row.given_at,
  givenByStaffName: row.given_by_name,
  voidedAt: row.voided_at,
  voidReason: row.void_reason,
});
