import { feedbackSignal } from '../../../../shared/loyalty/signals/feedback';
import type { LoyaltySignalSource } from '../signal-source';

/**
 * +1 for a complaint received in the trailing year, resolved, and followed by a visit: the customer
 * spoke up and stayed. Reads complaints_customer (the unary + keeps complaints_state, which holds
 * thousands of rows per state, out of a one-customer pass) and visits_customer_time.
 */
export const feedbackPoints: LoyaltySignalSource = {
  name: feedbackSignal.name,
  query: (scope) => `
    SELECT c.customer_id, 1 AS points, json_object('complaints', count(*)) AS facts
    FROM complaints c
    WHERE c.customer_id IS NOT NULL AND ${scope('c.customer_id')}
      AND +c.state IN ('resolved', 'followed_up', 'closed') AND c.resolved_at IS NOT NULL AND c.received_at >= @since
      AND EXISTS (
        SELECT 1 FROM visits v
        WHERE v.customer_id = c.customer_id AND v.occurred_at > c.resolved_at AND v.kind = 'visit' AND v.archived_at IS NULL)
    GROUP BY c.customer_id`,
};
