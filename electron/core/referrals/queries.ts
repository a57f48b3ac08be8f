import type { Db } from '../db/connection';
import { jsonList, statementsFor } from '../db/statements';

export interface DbReferralRow {
  customer_id: string;
  referrer_id: string;
  referred_at: string;
  staff_id: string | null;
  created_at: string;
  updated_at: string;
}

/** A link with both customers' names, for lists. */
export interface DbReferralLinkRow extends DbReferralRow {
  customer_name: string;
  customer_archived: number;
  referrer_name: string;
  referrer_archived: number;
}

export interface DbRewardRow {
  id: string;
  referrer_id: string;
  referred_id: string;
  visit_id: string | null;
  kind: 'discount' | 'gift' | 'points' | 'thanks';
  value: number;
  gift: string;
  status: 'earned' | 'given' | 'void';
  earned_at: string;
  given_at: string | null;
  given_by_staff_id: string | null;
  voided_at: string | null;
  void_reason: string;
  created_at: string;
  updated_at: string;
}

/** A reward with the names the ledger shows. */
export interface DbRewardListRow extends DbRewardRow {
  referrer_name: string;
  referrer_archived: number;
  referred_name: string;
  referred_archived: number;
  given_by_name: string | null;
}

export interface DbTreeRow {
  id: string;
  name: string;
  archived: number;
  parent_id: string;
  depth: number;
  brought: number;
  referred_at: string;
}

export interface DbPurchaseRow {
  id: string;
  occurred_at: string;
  amount_minor: number | null;
}

const linkColumns = `r.*, c.name AS customer_name, (c.archived_at IS NOT NULL) AS customer_archived,
  p.name AS referrer_name, (p.archived_at IS NOT NULL) AS referrer_archived`;
const rewardColumns = `w.*, p.name AS referrer_name, (p.archived_at IS NOT NULL) AS referrer_archived,
  c.name AS referred_name, (c.archived_at IS NOT NULL) AS referred_archived, s.name AS given_by_name`;
const rewardJoins = `JOIN customers p ON p.id = w.referrer_id JOIN customers c ON c.id = w.referred_id LEFT JOIN staff s ON s.id = w.given_by_staff_id`;

/**
 * A page of rewards, newest first, picked from referral_rewards alone (`where` filters it) and only
 * then joined: joining first made SQLite look up both customers of every reward before sorting
 * (30,000 rewards: 40-100 ms).
 */
const rewardsPageSql = (where: string) => `
  SELECT ${rewardColumns} FROM (SELECT id FROM referral_rewards ${where} ORDER BY earned_at DESC, id DESC LIMIT @limit OFFSET @offset) page
  CROSS JOIN referral_rewards w ON w.id = page.id ${rewardJoins} ORDER BY w.earned_at DESC, w.id DESC`;

/** A tree walk stops at this depth whatever the data says, so a damaged book cannot loop. */
const maxTreeDepth = 200;

const statements = statementsFor((db) => ({
  get: db.prepare<[string], DbReferralRow>('SELECT * FROM referrals WHERE customer_id = ?'),
  getLink: db.prepare<[string], DbReferralLinkRow>(
    `SELECT ${linkColumns} FROM referrals r JOIN customers c ON c.id = r.customer_id JOIN customers p ON p.id = r.referrer_id WHERE r.customer_id = ?`,
  ),
  referrerOf: db.prepare<[string], string>('SELECT referrer_id FROM referrals WHERE customer_id = ?').pluck(),
  upsert: db.prepare<DbReferralRow>(`
    INSERT INTO referrals (customer_id, referrer_id, referred_at, staff_id, created_at, updated_at)
    VALUES (@customer_id, @referrer_id, @referred_at, @staff_id, @created_at, @updated_at)
    ON CONFLICT (customer_id) DO UPDATE SET referrer_id = excluded.referrer_id, referred_at = excluded.referred_at,
      staff_id = excluded.staff_id, created_at = excluded.created_at, updated_at = excluded.updated_at`),
  delete: db.prepare<[string]>('DELETE FROM referrals WHERE customer_id = ?'),
  deleteExact: db.prepare<[string, string]>('DELETE FROM referrals WHERE customer_id = ? AND referrer_id = ?'),
  touching: db.prepare<{ ids: string }, DbReferralRow>(
    'SELECT * FROM referrals WHERE customer_id IN (SELECT value FROM json_each(@ids)) OR referrer_id IN (SELECT value FROM json_each(@ids)) ORDER BY customer_id',
  ),
  deleteOfCustomer: db.prepare<[string, string]>('DELETE FROM referrals WHERE customer_id = ? OR referrer_id = ?'),
  countOf: db.prepare<{ id: string }, { links: number; rewards: number }>(`
    SELECT (SELECT count(*) FROM referrals WHERE customer_id = @id OR referrer_id = @id) AS links,
      (SELECT count(*) FROM referral_rewards WHERE referrer_id = @id OR referred_id = @id) AS rewards`),

  // CROSS JOIN keeps the tree first: left to choose, the planner scanned every customer and matched
  // each against the tree (35-135 ms on the full book for a profile's referral section, 0.1-5 ms now).
  tree: db.prepare<{ id: string; limit: number }, DbTreeRow>(`
    WITH RECURSIVE tree (id, parent_id, depth, referred_at, path) AS (
      SELECT customer_id, referrer_id, 1, referred_at, referred_at || customer_id FROM referrals WHERE referrer_id = @id
      UNION ALL
      SELECT r.customer_id, r.referrer_id, t.depth + 1, r.referred_at, t.path || '/' || r.referred_at || r.customer_id
      FROM referrals r JOIN tree t ON r.referrer_id = t.id WHERE t.depth < ${maxTreeDepth}
    )
    SELECT t.id, c.name, (c.archived_at IS NOT NULL) AS archived, t.parent_id, t.depth, t.referred_at,
      (SELECT count(*) FROM referrals b WHERE b.referrer_id = t.id) AS brought
    FROM tree t CROSS JOIN customers c ON c.id = t.id ORDER BY t.path LIMIT @limit`),
  treeCounts: db.prepare<{ id: string }, { total: number; depth: number | null; direct: number }>(`
    WITH RECURSIVE tree (id, depth) AS (
      SELECT customer_id, 1 FROM referrals WHERE referrer_id = @id
      UNION ALL SELECT r.customer_id, t.depth + 1 FROM referrals r JOIN tree t ON r.referrer_id = t.id WHERE t.depth < ${maxTreeDepth}
    )
    SELECT count(*) AS total, max(depth) AS depth, sum(depth = 1) AS direct FROM tree`),
  pendingOf: db.prepare<[string], number>(
    'SELECT count(*) FROM referrals r WHERE r.referrer_id = ? AND NOT EXISTS (SELECT 1 FROM referral_rewards w WHERE w.referred_id = r.customer_id)',
  ).pluck(),

  rewardsOf: db.prepare<[string], DbRewardListRow>(`SELECT ${rewardColumns} FROM referral_rewards w ${rewardJoins} WHERE w.referrer_id = ? ORDER BY w.earned_at DESC, w.id DESC`),
  getReward: db.prepare<[string], DbRewardRow>('SELECT * FROM referral_rewards WHERE id = ?'),
  getRewardListRow: db.prepare<[string], DbRewardListRow>(`SELECT ${rewardColumns} FROM referral_rewards w ${rewardJoins} WHERE w.id = ?`),
  rewardOfReferred: db.prepare<[string], DbRewardRow>('SELECT * FROM referral_rewards WHERE referred_id = ? ORDER BY earned_at LIMIT 1'),
  rewardsPage: db.prepare<{ limit: number; offset: number }, DbRewardListRow>(rewardsPageSql('')),
  // referral_rewards_status, in its order (a status filter written as "@status IS NULL OR ..." read every reward).
  rewardsPageOfStatus: db.prepare<{ status: string; limit: number; offset: number }, DbRewardListRow>(rewardsPageSql('WHERE status = @status')),
  countAllRewards: db.prepare<[], number>('SELECT count(*) FROM referral_rewards').pluck(),
  countRewardsOfStatus: db.prepare<[string], number>('SELECT count(*) FROM referral_rewards WHERE status = ?').pluck(),
  insertReward: db.prepare<DbRewardRow>(`
    INSERT INTO referral_rewards (id, referrer_id, referred_id, visit_id, kind, value, gift, status, earned_at, given_at, given_by_staff_id, voided_at, void_reason, created_at, updated_at)
    VALUES (@id, @referrer_id, @referred_id, @visit_id, @kind, @value, @gift, @status, @earned_at, @given_at, @given_by_staff_id, @voided_at, @void_reason, @created_at, @updated_at)`),
  restoreReward: db.prepare<DbRewardRow>(`
    UPDATE referral_rewards SET referrer_id = @referrer_id, referred_id = @referred_id WHERE id = @id`),
  giveReward: db.prepare<{ id: string; at: string; staff_id: string | null }>(
    "UPDATE referral_rewards SET status = 'given', given_at = @at, given_by_staff_id = @staff_id, updated_at = @at WHERE id = @id",
  ),
  takeBackReward: db.prepare<{ id: string; at: string }>(
    "UPDATE referral_rewards SET status = 'earned', given_at = NULL, given_by_staff_id = NULL, updated_at = @at WHERE id = @id AND status = 'given'",
  ),
  voidReward: db.prepare<{ id: string; at: string; reason: string }>(
    "UPDATE referral_rewards SET status = 'void', voided_at = @at, void_reason = @reason, updated_at = @at WHERE id = @id",
  ),
  deleteReward: db.prepare<[string]>('DELETE FROM referral_rewards WHERE id = ?'),
  rewardsAroundMerge: db.prepare<{ survivor: string; absorbed: string }, DbRewardRow>(
    'SELECT * FROM referral_rewards WHERE referred_id IN (@survivor, @absorbed) OR referrer_id = @absorbed ORDER BY id',
  ),
  dropEarnedSince: db.prepare<[string, string], string>(
    "DELETE FROM referral_rewards WHERE status = 'earned' AND referred_id IN (SELECT value FROM json_each(?)) AND id NOT IN (SELECT value FROM json_each(?)) RETURNING id",
  ).pluck(),
  moveRewardsReferrer: db.prepare<[string, string]>('UPDATE referral_rewards SET referrer_id = ? WHERE referrer_id = ?'),
  moveRewardsReferred: db.prepare<[string, string]>('UPDATE referral_rewards SET referred_id = ? WHERE referred_id = ?'),
  deleteRewardsOf: db.prepare<{ id: string }, string>('DELETE FROM referral_rewards WHERE referrer_id = @id OR referred_id = @id RETURNING id').pluck(),
  detachVisit: db.prepare<[string]>('UPDATE referral_rewards SET visit_id = NULL WHERE visit_id = ?'),
  deleteRewardReminders: db.prepare<[string, string]>('DELETE FROM reminders WHERE kind = ? AND reason_key IN (SELECT value FROM json_each(?))'),

  visitInBook: db.prepare<[string], number>('SELECT count(*) FROM visits WHERE id = ? AND archived_at IS NULL').pluck(),
  /** The customer's purchases in the book, first first: the reward rule picks the one that qualifies. */
  purchases: db.prepare<[string], DbPurchaseRow>(`
    SELECT id, occurred_at, amount_minor FROM visits
    WHERE customer_id = ? AND kind = 'visit' AND archived_at IS NULL
    ORDER BY occurred_at, id`),
}));

export const getReferralRow = (db: Db, customerId: string): DbReferralRow | null => statements(db).get.get(customerId) ?? null;
export const getReferralLinkRow = (db: Db, customerId: string): DbReferralLinkRow | null => statements(db).getLink.get(customerId) ?? null;
export const referrerOf = (db: Db, customerId: string): string | null => statements(db).referrerOf.get(customerId) ?? null;
export const upsertReferral = (db: Db, row: DbReferralRow): void => {
  statements(db).upsert.run(row);
};
export const deleteReferral = (db: Db, customerId: string): void => {
  statements(db).delete.run(customerId);
};
export const deleteReferralExactly = (db: Db, row: Pick<DbReferralRow, 'customer_id' | 'referrer_id'>): void => {
  statements(db).deleteExact.run(row.customer_id, row.referrer_id);
};
/** Every link in which one of these customers is the referred or the referrer. */
export const referralsTouching = (db: Db, customerIds: readonly string[]): DbReferralRow[] => statements(db).touching.all({ ids: jsonList(customerIds) });
export const countReferralRecords = (db: Db, customerId: string) => statements(db).countOf.get({ id: customerId })!;

export const treeRows = (db: Db, customerId: string, limit: number): DbTreeRow[] => statements(db).tree.all({ id: customerId, limit });
export const treeCounts = (db: Db, customerId: string) => statements(db).treeCounts.get({ id: customerId })!;
export const pendingRewardCount = (db: Db, referrerId: string): number => statements(db).pendingOf.get(referrerId) ?? 0;

export const rewardRowsOf = (db: Db, referrerId: string): DbRewardListRow[] => statements(db).rewardsOf.all(referrerId);
export const getRewardRow = (db: Db, id: string): DbRewardRow | null => statements(db).getReward.get(id) ?? null;
export const getRewardListRow = (db: Db, id: string): DbRewardListRow | null => statements(db).getRewardListRow.get(id) ?? null;
export const rewardOfReferred = (db: Db, referredId: string): DbRewardRow | null => statements(db).rewardOfReferred.get(referredId) ?? null;
/** A page of rewards, newest first: every reward when `status` is null. */
export const rewardRowsByStatus = (db: Db, status: string | null, limit: number, offset: number): DbRewardListRow[] =>
  status === null ? statements(db).rewardsPage.all({ limit, offset }) : statements(db).rewardsPageOfStatus.all({ status, limit, offset });
export const countRewardsByStatus = (db: Db, status: string | null): number =>
  (status === null ? statements(db).countAllRewards.get() : statements(db).countRewardsOfStatus.get(status)) ?? 0;
export const insertReward = (db: Db, row: DbRewardRow): void => {
  statements(db).insertReward.run(row);
};
export const giveReward = (db: Db, id: string, at: string, staffId: string | null): void => {
  statements(db).giveReward.run({ id, at, staff_id: staffId });
};
export const takeBackReward = (db: Db, id: string, at: string): void => {
  statements(db).takeBackReward.run({ id, at });
};
export const voidReward = (db: Db, id: string, at: string, reason: string): void => {
  statements(db).voidReward.run({ id, at, reason });
};
export const deleteReward = (db: Db, id: string): void => {
  statements(db).deleteReward.run(id);
};
/** Rewards about either customer of a merge, or earned by the absorbed one. */
export const rewardsAroundMerge = (db: Db, survivorId: string, absorbedId: string): DbRewardRow[] => statements(db).rewardsAroundMerge.all({ survivor: survivorId, absorbed: absorbedId });
/** Earned (not handed over) rewards about these customers, except those listed, with their reminders. */
export const dropEarnedRewardsSince = (db: Db, referredIds: readonly string[], keptIds: readonly string[], reminderKind: string): void => {
  const s = statements(db);
  const dropped = s.dropEarnedSince.all(jsonList(referredIds), jsonList(keptIds));
  if (dropped.length > 0) s.deleteRewardReminders.run(reminderKind, jsonList(dropped));
};
export const moveRewards = (db: Db, survivorId: string, absorbedId: string): void => {
  statements(db).moveRewardsReferrer.run(survivorId, absorbedId);
  statements(db).moveRewardsReferred.run(survivorId, absorbedId);
};
/** Puts a moved reward back on the customers it was about before a merge. */
export const restoreRewardPeople = (db: Db, row: DbRewardRow): void => {
  statements(db).restoreReward.run(row);
};
/** A reward stays in the ledger when the purchase that earned it is deleted for good; it just no longer points at it. */
export const detachRewardsFromVisit = (db: Db, visitId: string): void => {
  statements(db).detachVisit.run(visitId);
};

/** Deletes the customer's links (as referred and as referrer), their rewards and those rewards' reminders. */
export const deleteReferralRecords = (db: Db, customerId: string, reminderKind: string): void => {
  const s = statements(db);
  s.deleteOfCustomer.run(customerId, customerId);
  const rewardIds = s.deleteRewardsOf.all({ id: customerId });
  if (rewardIds.length > 0) s.deleteRewardReminders.run(reminderKind, jsonList(rewardIds));
};

/** The visit is in the book and not archived. */
export const visitInBook = (db: Db, visitId: string): boolean => (statements(db).visitInBook.get(visitId) ?? 0) > 0;

/** Read lazily: a caller that stops at the first purchase it wants reads no further. */
export const purchasesInOrder = (db: Db, customerId: string): IterableIterator<DbPurchaseRow> => statements(db).purchases.iterate(customerId);
