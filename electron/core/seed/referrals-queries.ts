import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';
import type { DbReferralRow, DbRewardRow } from '../referrals/queries';

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
  insertLink: db.prepare<DbReferralRow>(`
    INSERT INTO referrals (customer_id, referrer_id, referred_at, staff_id, created_at, updated_at)
    VALUES (@customer_id, @referrer_id, @referred_at, @staff_id, @created_at, @updated_at)`),
  markReferred: db.prepare("UPDATE customers SET source = 'referral' WHERE id IN (SELECT customer_id FROM referrals) AND source IS NOT 'referral'"),
  /** Each referred customer's first visit: with the seeded rule (no minimum), the purchase that earns the reward. */
  firstVisits: db.prepare<[], DbSeedFirstVisit>(`
    SELECT r.customer_id, r.referrer_id, v.id AS visit_id, v.occurred_at
    FROM referrals r JOIN customers c ON c.id = r.customer_id
    JOIN visits v ON v.id = (SELECT id FROM visits WHERE customer_id = c.id AND kind = 'visit' AND archived_at IS NULL ORDER BY occurred_at, id LIMIT 1)
    ORDER BY r.customer_id`),
  insertReward: db.prepare<DbRewardRow>(`
    INSERT INTO referral_rewards (id, referrer_id, referred_id, visit_id, kind, value, gift, status, earned_at, given_at, given_by_staff_id, voided_at, void_reason, created_at, updated_at)
    VALUES (@id, @referrer_id, @referred_id, @visit_id, @kind, @value, @gift, @status, @earned_at, @given_at, @given_by_staff_id, @voided_at, @void_reason, @created_at, @updated_at)`),
}));

export const seedSignups = (db: Db): DbSeedSignup[] => statements(db).signups.all();
export const insertSeedLink = (db: Db, row: DbReferralRow): void => {
  statements(db).insertLink.run(row);
};
/** A customer someone brought came by referral. */
export const markReferredCustomers = (db: Db): void => {
  statements(db).markReferred.run();
};
export const seedFirstVisits = (db: Db): DbSeedFirstVisit[] => statements(db).firstVisits.all();
export const insertSeedReward = (db: Db, row: DbRewardRow): void => {
  statements(db).insertReward.run(row);
};
