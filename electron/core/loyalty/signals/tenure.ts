import { tenureSignal } from '../../../../shared/loyalty/signals/tenure';
import type { LoyaltySignalSource } from '../signal-source';

/** Two years or more since the first visit, with a visit in the last year: +1; five years or more: +2. */
export const tenurePoints: LoyaltySignalSource = {
  name: tenureSignal.name,
  query: (scope) => `
    SELECT customer_id, CASE WHEN years >= 5 THEN 2 ELSE 1 END AS points, json_object('years', years) AS facts
    FROM (
      SELECT c.id AS customer_id, CAST((julianday(@now) - julianday(c.first_visit_at)) / 365.25 AS INTEGER) AS years
      FROM customers c
      WHERE ${scope('c.id')} AND c.archived_at IS NULL AND c.first_visit_at IS NOT NULL AND c.last_visit_at >= @since
    )
    WHERE years >= 2`,
};
