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
const columns = 'w.id, w.referrer_id, w.referred_id, c.name AS referred_name, w.kind, w.value, w.gift, w.earned_at';
const people = 'JOIN customers p ON p.id = w.referrer_id JOIN customers c ON c.id = w.referred_id';
const stillOwed = 'p.archived_at IS NULL AND w.referrer_id <> w.referred_id';

const statements = statementsFor((db) => ({
  all: db.prepare<[], DbRewardToHandOverRow>(`SELECT ${columns} FROM referral_rewards w ${people} WHERE w.status = 'earned' AND ${stillOwed}`),
  // From the few referrers (a visit's, on every visit logged) to their rewards: on the status index
  // instead, every reward earned in the book was read for each visit (EXPLAIN QUERY PLAN).
  ofReferrers: db.prepare<[string], DbRewardToHandOverRow>(
    `SELECT ${columns} FROM json_each(?) j CROSS JOIN referral_rewards w ON w.referrer_id = j.value ${people} WHERE +w.status = 'earned' AND ${stillOwed}`,
  ),
}));

export const rewardsToHandOver = (db: Db, referrerIds: readonly string[] | null): DbRewardToHandOverRow[] =>
  referrerIds === null ? statements(db).all.all() : statements(db).ofReferrers.all(jsonList(referrerIds));
