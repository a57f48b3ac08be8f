import { referralsSignal } from '../../../../shared/loyalty/signals/referrals';
import type { LoyaltySignalSource } from '../signal-source';

/**
 * One or two successful referrals +1, three or more +2: a reward earned (given or still to hand
 * over, not void) is the mark of a referred customer who bought. Reads referral_rewards_referrer:
 * the unary + keeps the planner off referral_rewards_status, which read every earned reward in the
 * book (11 ms) when the pass is for one customer.
 */
export const referralsPoints: LoyaltySignalSource = {
  name: referralsSignal.name,
  query: (scope) => `
    SELECT r.referrer_id AS customer_id, CASE WHEN count(*) >= 3 THEN 2 ELSE 1 END AS points, json_object('referrals', count(*)) AS facts
    FROM referral_rewards r
    WHERE ${scope('r.referrer_id')} AND +r.status IN ('earned', 'given')
    GROUP BY r.referrer_id`,
};
