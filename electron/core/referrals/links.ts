import { referrerRefusal } from '../../../shared/referrals/rules';
import type { Db } from '../db/connection';
import { deleteReferral, getReferralRow, referrerOf, upsertReferral, type DbReferralRow } from './queries';
import { settleReward } from './rewards';

export type LinkRefusal = 'referral_self' | 'referral_cycle';

/**
 * Points a customer at their referrer, or takes the referrer away (null), keeping the rules: never
 * themselves, never someone they brought. The reward follows: if the customer already made a
 * qualifying purchase, the new referrer earns it (a reward already earned stays with whoever
 * earned it). Answers the referrers whose rewards changed, or the reason it was refused.
 */
export const writeReferrerLink = (
  db: Db,
  link: { customerId: string; referrerId: string | null; referredAt: string; staffId: string | null; at: string },
): { ok: true; referrersChanged: string[]; before: DbReferralRow | null } | { ok: false; reason: LinkRefusal } => {
  const before = getReferralRow(db, link.customerId);
  if (link.referrerId === null) {
    if (before !== null) deleteReferral(db, link.customerId);
    return { ok: true, referrersChanged: [], before };
  }
  const refusal = referrerRefusal(link.customerId, link.referrerId, (id) => referrerOf(db, id));
  if (refusal !== null) return { ok: false, reason: refusal };
  if (before?.referrer_id === link.referrerId) return { ok: true, referrersChanged: [], before };
  upsertReferral(db, {
    customer_id: link.customerId,
    referrer_id: link.referrerId,
    referred_at: link.referredAt,
    staff_id: link.staffId,
    created_at: before?.created_at ?? link.at,
    updated_at: link.at,
  });
  return { ok: true, referrersChanged: settleReward(db, link.customerId, link.at), before };
};
