import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';
import type { DbReferralLinkRow } from './queries';

export interface DbLeaderboardRow {
  referrer_id: string;
  name: string;
  archived: number;
  referrals: number;
  purchased: number;
  repeat: number;
}

// Since the beginning of time when @since is null.
const inPeriod = '(@since IS NULL OR r.referred_at >= @since)';

const statements = statementsFor((db) => ({
  // The top referrers from the links alone (a covering index), then their counts and names. "Bought" and
  // "came back" are the conversion line's: at least one visit, at least two.
  leaderboard: db.prepare<{ since: string | null; limit: number }, DbLeaderboardRow>(`
    WITH top AS (
      SELECT r.referrer_id, count(*) AS referrals FROM referrals r WHERE ${inPeriod}
      GROUP BY r.referrer_id ORDER BY referrals DESC, r.referrer_id LIMIT @limit
    )
    SELECT t.referrer_id, p.name, (p.archived_at IS NOT NULL) AS archived, t.referrals,
      (SELECT count(*) FROM referrals r JOIN customers c ON c.id = r.customer_id
        WHERE r.referrer_id = t.referrer_id AND ${inPeriod} AND c.visit_count >= 1) AS purchased,
      (SELECT count(*) FROM referrals r JOIN customers c ON c.id = r.customer_id
        WHERE r.referrer_id = t.referrer_id AND ${inPeriod} AND c.visit_count >= 2) AS repeat
    FROM top t JOIN customers p ON p.id = t.referrer_id
    ORDER BY t.referrals DESC, purchased DESC, p.name, t.referrer_id`),
  recent: db.prepare<{ limit: number }, DbReferralLinkRow>(`
    SELECT r.*, c.name AS customer_name, (c.archived_at IS NOT NULL) AS customer_archived,
      p.name AS referrer_name, (p.archived_at IS NOT NULL) AS referrer_archived
    FROM referrals r JOIN customers c ON c.id = r.customer_id JOIN customers p ON p.id = r.referrer_id
    ORDER BY r.referred_at DESC, r.customer_id DESC LIMIT @limit`),
  conversion: db.prepare<{ since: string | null }, { referred: number; purchased: number; repeat: number }>(`
    SELECT count(*) AS referred, coalesce(sum(c.visit_count >= 1), 0) AS purchased, coalesce(sum(c.visit_count >= 2), 0) AS repeat
    FROM referrals r JOIN customers c ON c.id = r.customer_id WHERE ${inPeriod}`),
  // Rewards to hand over to referrers still in the book: what Today lists as referral rewards (an
  // archived referrer gets no reminder, reminders/sources/referral-reward-queries.ts), so the two agree.
  toHandOver: db
    .prepare<[], number>("SELECT count(*) FROM referral_rewards w JOIN customers p ON p.id = w.referrer_id WHERE w.status = 'earned' AND p.archived_at IS NULL")
    .pluck(),
}));

export const leaderboardRows = (db: Db, since: string | null, limit: number): DbLeaderboardRow[] => statements(db).leaderboard.all({ since, limit });
export const recentReferralRows = (db: Db, limit: number): DbReferralLinkRow[] => statements(db).recent.all({ limit });
export const conversionCounts = (db: Db, since: string | null) => statements(db).conversion.get({ since })!;
export const rewardsToHandOverCount = (db: Db): number => statements(db).toHandOver.get() ?? 0;
