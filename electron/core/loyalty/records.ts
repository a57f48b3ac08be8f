import { z } from 'zod';
import { participant } from '../customer-records';
import { loyaltyRows, removeLoyaltyRow, writeLoyaltyRow, type DbLoyaltyRow } from './queries';

const loyaltyRow = z.object({
  customer_id: z.string(),
  revenue_12m_minor: z.number(),
  visits_12m: z.number(),
  money_tier: z.string(),
  points: z.number(),
  tier: z.string(),
  signals_json: z.string(),
  satisfaction: z.number().nullable(),
  loyalty: z.number(),
  quadrant: z.string().nullable(),
  quadrant_since: z.string().nullable(),
  computed_at: z.string(),
});

/**
 * Tiers and quadrants are derived, so a merge has nothing to move: the settle step of the visits
 * and reminders participants recomputes both customers. What it keeps is the two rows as they were,
 * so an undo puts back exactly the tier history it found (the day each entered their quadrant).
 */
export const loyaltyRecords = participant({
  name: 'loyalty',
  count: () => [],
  moveForMerge: (db, survivor, absorbed) => ({ rows: [...loyaltyRows(db, [survivor.id, absorbed.id]).values()] }),
  moved: z.object({ rows: z.array(loyaltyRow) }),
  undoMerge: (db, survivor, absorbed, moved) => {
    removeLoyaltyRow(db, survivor.id);
    removeLoyaltyRow(db, absorbed.id);
    for (const row of moved.rows) writeLoyaltyRow(db, row as DbLoyaltyRow);
  },
  purge: removeLoyaltyRow,
});
