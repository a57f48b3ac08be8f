import { satisfactionSignal } from '../../../../shared/loyalty/signals/satisfaction';
import { answerStands, type LoyaltySignalSource } from '../signal-source';

/**
 * The customer's latest satisfaction answer (from a visit still in the book, a complaint, or asked
 * on its own): level 2 +1, level 3 +2. Reads satisfaction_customer_time newest first per customer.
 */
export const satisfactionPoints: LoyaltySignalSource = {
  name: satisfactionSignal.name,
  query: (scope, wholeBook) => `
    SELECT customer_id, CASE WHEN level = 3 THEN 2 ELSE 1 END AS points, json_object('level', level) AS facts
    FROM (
      SELECT s.customer_id, s.level, row_number() OVER (PARTITION BY s.customer_id ORDER BY s.answered_at DESC) AS newest
      FROM satisfaction_answers s
      WHERE s.customer_id IS NOT NULL AND ${scope('s.customer_id')}
        AND ${answerStands('s', wholeBook)}
    )
    WHERE newest = 1 AND level >= 2`,
};
