import { steadyRhythmSignal } from '../../../../shared/loyalty/signals/steady-rhythm';
import type { LoyaltySignalSource } from '../signal-source';

/**
 * Four visits or more at a rhythm of a month or less, and not lapsed: +1; a fortnight or less: +2.
 * The rhythm and lapse day are the ones the lapse module keeps on the customer. A whole rhythm is
 * written as an integer (14, not 14.0), as JSON.stringify writes it, so the full pass can keep the
 * facts as SQLite makes them.
 */
export const steadyRhythmPoints: LoyaltySignalSource = {
  name: steadyRhythmSignal.name,
  query: (scope) => `
    SELECT c.id AS customer_id, CASE WHEN c.visit_rhythm_days <= 14 THEN 2 ELSE 1 END AS points,
      json_object('rhythmDays', CASE WHEN c.visit_rhythm_days = CAST(c.visit_rhythm_days AS INTEGER) THEN CAST(c.visit_rhythm_days AS INTEGER) ELSE c.visit_rhythm_days END) AS facts
    FROM customers c
    WHERE ${scope('c.id')} AND c.archived_at IS NULL AND c.visit_count >= 4
      AND c.visit_rhythm_days IS NOT NULL AND c.visit_rhythm_days <= 30
      AND (c.lapses_on IS NULL OR c.lapses_on > @today)`,
};
