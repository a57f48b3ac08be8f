import { nextRewardState, qualifiesForReward } from '../../../shared/referrals/rules';
import type { Db } from '../db/connection';
import { derivedId } from '../db/derived-ids';
import { deleteReward, getReferralRow, insertReward, purchasesInOrder, rewardOfReferred, visitInBook, type DbPurchaseRow } from './queries';
import { readReferralRules } from './rules';

const firstQualifyingPurchase = (db: Db, customerId: string, minimumMinor: number): DbPurchaseRow | null => {
  for (const purchase of purchasesInOrder(db, customerId)) {
    if (qualifiesForReward(purchase.amount_minor, minimumMinor)) return purchase;
  }
  return null;
};

/**
 * Brings a referred customer's reward in line with the book: earned the moment their first
 * qualifying purchase is in it, with the rules of that moment; an earned (not yet given) reward
 * whose purchase was archived as a mistake is taken back, and earned again by the next qualifying
 * purchase if there is one. Given and void rewards are history and never change here.
 * Answers the referrers whose rewards changed, so their reminders can follow.
 */
export const settleReward = (db: Db, referredId: string, at: string): string[] => {
  const changed: string[] = [];
  const existing = rewardOfReferred(db, referredId);
  if (existing !== null) {
    if (existing.status !== 'earned' || existing.visit_id === null || visitInBook(db, existing.visit_id)) return changed;
    deleteReward(db, existing.id);
    changed.push(existing.referrer_id);
  }
  const link = getReferralRow(db, referredId);
  if (link === null) return changed;
  const rules = readReferralRules(db);
  const purchase = firstQualifyingPurchase(db, referredId, rules.minFirstPurchaseMinor);
  if (purchase === null) return changed;
  const next = nextRewardState('pending', { kind: 'qualifying_purchase' });
  if (!next.ok || next.state !== 'earned') return changed;
  insertReward(db, {
    id: derivedId('referral-reward', referredId, purchase.id),
    referrer_id: link.referrer_id,
    referred_id: referredId,
    visit_id: purchase.id,
    kind: rules.rewardKind,
    value: rules.rewardKind === 'discount' || rules.rewardKind === 'points' ? rules.rewardValue : 0,
    gift: rules.rewardKind === 'gift' ? rules.rewardGift : '',
    status: 'earned',
    earned_at: purchase.occurred_at,
    given_at: null,
    given_by_staff_id: null,
    voided_at: null,
    void_reason: '',
    created_at: at,
    updated_at: at,
  });
  if (!changed.includes(link.referrer_id)) changed.push(link.referrer_id);
  return changed;
};
