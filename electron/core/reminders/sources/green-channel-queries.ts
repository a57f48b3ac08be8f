import type { Db } from '../../db/connection';
import { jsonList, statementsFor } from '../../db/statements';

export interface DbDestroyerRow {
  customer_id: string;
  quadrant_since: string;
}

// Destroyers still in play who came in the last year (one who left long ago is a win-back matter),
// from customer_loyalty_quadrant (quadrant is its first column).
const inPlay = `l.quadrant = 'destroyer' AND l.quadrant_since IS NOT NULL AND l.visits_12m > 0 AND c.archived_at IS NULL AND c.lost_at IS NULL`;

const statements = statementsFor((db) => ({
  all: db.prepare<[], DbDestroyerRow>(`SELECT l.customer_id, l.quadrant_since FROM customer_loyalty l JOIN customers c ON c.id = l.customer_id WHERE ${inPlay}`),
  forCustomers: db.prepare<[string], DbDestroyerRow>(`
    SELECT l.customer_id, l.quadrant_since FROM customer_loyalty l JOIN customers c ON c.id = l.customer_id
    WHERE l.customer_id IN (SELECT value FROM json_each(?)) AND ${inPlay}`),
}));

export const destroyerRows = (db: Db, customerIds: readonly string[] | null): DbDestroyerRow[] =>
  customerIds === null ? statements(db).all.all() : statements(db).forCustomers.all(jsonList(customerIds));
