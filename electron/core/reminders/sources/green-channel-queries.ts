import type { Db } from '../../db/connection';
import { jsonList, statementsFor } from '../../db/statements';

export interface DbDestroyerRow {
  customer_id: string;
  quadrant_since: string;
}

// Destroyers still in play who came in the last year (one who left long ago is a win-back matter),
// from customer_loyalty_quadrant (quadrant is its first column). For a few customers the id list
// leads (CROSS JOIN fixes the order): otherwise the planner walks every Destroyer on each visit logged.
const inPlay = `l.quadrant = 'destroyer' AND l.quadrant_since IS NOT NULL AND l.visits_12m > 0 AND c.archived_at IS NULL AND c.lost_at IS NULL`;

const statements = statementsFor((db) => ({
  all: db.prepare<[], DbDestroyerRow>(`SELECT l.customer_id, l.quadrant_since FROM customer_loyalty l JOIN customers c ON c.id = l.customer_id WHERE ${inPlay}`),
  forCustomers: db.prepare<[string], DbDestroyerRow>(`
    SELECT l.customer_id, l.quadrant_since
    FROM json_each(?) j CROSS JOIN customer_loyalty l ON l.customer_id = j.value JOIN customers c ON c.id = l.customer_id
    WHERE ${inPlay}`),
}));

export const destroyerRows = (db: Db, customerIds: readonly string[] | null): DbDestroyerRow[] =>
  customerIds === null ? statements(db).all.all() : statements(db).forCustomers.all(jsonList(customerIds));
