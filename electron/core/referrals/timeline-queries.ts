import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';
import type { DbRewardListRow } from './queries';

export interface DbReferralTimelineRow {
  item_id: string;
  at: string;
  role: 'brought' | 'referred_by';
  other_id: string;
  other_name: string;
  other_archived: number;
}

export type DbRewardTimelineRow = DbRewardListRow & { item_id: string; at: string; event: 'earned' | 'given' };

interface Page {
  id: string;
  at: string;
  cursor_id: string;
  limit: number;
}

// Item ids are prefixed by what they are, so the timeline's (time, id) cursor tells them apart.
// `+w.status` keeps the planner on referral_rewards_referrer (this customer's few rewards): on the
// status index it read every reward ever handed over, 70 ms a profile on the full book.
const olderThanCursor = '(at < @at OR (at = @at AND item_id < @cursor_id))';

const statements = statementsFor((db) => ({
  links: db.prepare<Page, DbReferralTimelineRow>(`
    SELECT * FROM (
      SELECT 'referral-b:' || r.customer_id AS item_id, r.referred_at AS at, 'brought' AS role,
        c.id AS other_id, c.name AS other_name, (c.archived_at IS NOT NULL) AS other_archived
      FROM referrals r JOIN customers c ON c.id = r.customer_id WHERE r.referrer_id = @id
      UNION ALL
      SELECT 'referral-r:' || r.customer_id, r.referred_at, 'referred_by', p.id, p.name, (p.archived_at IS NOT NULL)
      FROM referrals r JOIN customers p ON p.id = r.referrer_id WHERE r.customer_id = @id
    ) WHERE ${olderThanCursor} ORDER BY at DESC, item_id DESC LIMIT @limit`),
  rewards: db.prepare<Page, DbRewardTimelineRow>(`
    SELECT * FROM (
      SELECT w.*, 'reward-e:' || w.id AS item_id, w.earned_at AS at, 'earned' AS event FROM referral_rewards w WHERE w.referrer_id = @id
      UNION ALL
      SELECT w.*, 'reward-g:' || w.id, w.given_at, 'given' FROM referral_rewards w WHERE w.referrer_id = @id AND +w.status = 'given'
    ) t
    JOIN (SELECT id AS p_id, name AS referrer_name, (archived_at IS NOT NULL) AS referrer_archived FROM customers) p ON p.p_id = t.referrer_id
    JOIN (SELECT id AS c_id, name AS referred_name, (archived_at IS NOT NULL) AS referred_archived FROM customers) c ON c.c_id = t.referred_id
    LEFT JOIN (SELECT id AS s_id, name AS given_by_name FROM staff) s ON s.s_id = t.given_by_staff_id
    WHERE ${olderThanCursor} ORDER BY at DESC, item_id DESC LIMIT @limit`),
}));

export const referralTimelineRows = (db: Db, page: Page): DbReferralTimelineRow[] => statements(db).links.all(page);
export const rewardTimelineRows = (db: Db, page: Page): DbRewardTimelineRow[] => statements(db).rewards.all(page);
