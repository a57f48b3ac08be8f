import type { Migration } from './types';

export const migration007: Migration = {
  version: 7,
  name: 'referral links and the referral rewards ledger',
  up: (db) => {
    db.exec(`
      -- Who brought whom: one row per referred customer (one referrer each), never themselves. Cycles
      -- are refused by the core (shared/referrals/rules.ts) before a row is written; changes of
      -- referrer are kept in the audit trail, so this table holds only the current link.
      CREATE TABLE referrals (
        customer_id TEXT PRIMARY KEY REFERENCES customers (id),
        referrer_id TEXT NOT NULL REFERENCES customers (id),
        referred_at TEXT NOT NULL,
        staff_id TEXT REFERENCES staff (id),
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK (customer_id <> referrer_id)
      ) STRICT, WITHOUT ROWID;
      -- A referrer's tree and the leaderboard read links by referrer; recent referrals and the
      -- monthly share read them by time.
      CREATE INDEX referrals_referrer ON referrals (referrer_id, referred_at);
      CREATE INDEX referrals_time ON referrals (referred_at);

      -- The rewards ledger. A row is written when a referred customer's first qualifying purchase is
      -- logged (earned, with the rule of that day: kind, value, gift), then given (when, by whom)
      -- or void (why). Before that the reward is pending, which is read from the links alone.
      CREATE TABLE referral_rewards (
        id TEXT PRIMARY KEY,
        referrer_id TEXT NOT NULL REFERENCES customers (id),
        referred_id TEXT NOT NULL REFERENCES customers (id),
        visit_id TEXT REFERENCES visits (id),
        kind TEXT NOT NULL CHECK (kind IN ('discount', 'gift', 'points', 'thanks')),
        value INTEGER NOT NULL DEFAULT 0 CHECK (value >= 0),
        gift TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL CHECK (status IN ('earned', 'given', 'void')),
        earned_at TEXT NOT NULL,
        given_at TEXT,
        given_by_staff_id TEXT REFERENCES staff (id),
        voided_at TEXT,
        void_reason TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        CHECK ((status = 'given') = (given_at IS NOT NULL)),
        CHECK ((status = 'void') = (voided_at IS NOT NULL))
      ) STRICT;
      CREATE INDEX referral_rewards_referrer ON referral_rewards (referrer_id, earned_at);
      CREATE INDEX referral_rewards_referred ON referral_rewards (referred_id);
      CREATE INDEX referral_rewards_visit ON referral_rewards (visit_id) WHERE visit_id IS NOT NULL;
      CREATE INDEX referral_rewards_status ON referral_rewards (status, earned_at);

      -- The monthly share of new customers who came by referral counts customers by sign-up month.
      CREATE INDEX customers_created ON customers (created_at);
    `);
  },
};
