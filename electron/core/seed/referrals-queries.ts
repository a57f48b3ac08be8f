import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';

export interface DbSeedSignup {
  id: string;
  created_at: string;
}

export interface DbSeedFirstVisit {
  customer_id: string;
  referrer_id: string;
  visit_id: string;
  occurred_at: string;
}

const statements = statementsFor((db) => ({
  signups: db.prepare<[], DbSeedSignup>('SELECT id, created_at FROM customers ORDER BY created_at, rid'),
  /** Each referred customer's first visit: with the seeded rule (no minimum), the purchase that earns the reward. */
  firstVisits: db.prepare<[], DbSeedFirstVisit>(`
    SELECT r.customer_id, r.referrer_id, v.id AS visit_id, v.occurred_at
    FROM referrals r JOIN customers c ON c.id = r.customer_id
    JOIN visits v ON v.id = (SELECT id FROM visits WHERE customer_id = c.id AND kind = 'visit' AND archived_at IS NULL ORDER BY occurred_at, id LIMIT 1)
    ORDER BY r.customer_id`),
}));

export const seedSignups = (db: Db): DbSeedSignup[] => statements(db).signups.all();
export const seedFirstVisits = (db: Db): DbSeedFirstVisit[] => statements(db).firstVisits.all();
