import type { Db } from '../../db/connection';
import { jsonList, statementsFor } from '../../db/statements';

export interface DbRewardToHandOverRow {
  id: string;
  referrer_id: string;
  referred_id: string;
  referred_name: string;
  kind: string;
  value: number;
  gift: string;
  earned_at: string;
}

// Earned and not yet given, for a referrer still in the book (an archived referrer gets no reminder).
const base = `SELECT w.id, w.referrer_id, w.referred_id, c.name AS referred_name, w.kind, w.value, w.gift, w.earned_at
  FROM referral_rewards w JOIN customers p ON p.id = w.referrer_id JOIN customers c ON c.id = w.referred_id
  WHERE w.status = 'earned' AND p.archived_at IS NULL AND w.referrer_id <> w.referred_id`;

const statements = statementsFor((db) => ({
  all: db.prepare<[], DbRewardToHandOverRow>(base),
  ofReferrers: db.prepare<[string], DbRewardToHandOverRow>(`${base} AND w.referrer_id IN (SELECT value FROM json_each(?))`),
}));

export const rewardsToHandOver = (db: Db, referrerIds: readonly string[] | null): DbRewardToHandOverRow[] =>
  referrerIds === null ? statements(db).all.all() : statements(db).ofReferrers.all(jsonList(referrerIds));
