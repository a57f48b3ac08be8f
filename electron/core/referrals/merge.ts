import { referrerRefusal } from '../../../shared/referrals/rules';
import { referralRewardKind } from '../../../shared/reminders/kinds/referral-reward';
import type { Db } from '../db/connection';
import type { CustomerRef } from '../customer-records';
import {
  deleteReferralExactly,
  moveRewards,
  referralsTouching,
  referrerOf,
  restoreRewardPeople,
  dropEarnedRewardsSince,
  rewardsAroundMerge,
  upsertReferral,
  type DbReferralRow,
  type DbRewardRow,
} from './queries';

export interface MovedReferrals {
  /** Links as they were before the merge, taken out by it (re-pointed or dropped). */
  removed: DbReferralRow[];
  /** Links the merge wrote in their place, pointing at the survivor. */
  added: DbReferralRow[];
  /** Rewards about either customer or earned by the absorbed one, as they were. */
  rewards: DbRewardRow[];
}

const sameLink = (a: DbReferralRow, b: DbReferralRow): boolean => a.customer_id === b.customer_id && a.referrer_id === b.referrer_id;

/**
 * Two customers become one: every link naming the absorbed one names the survivor instead, except
 * where that would break the rules. A link between the two is dropped (no one refers themselves);
 * if both had a referrer, the survivor keeps theirs; and if the survivor's referrer is now someone
 * down the merged customer's own tree (a loop through the two), the survivor's referrer is dropped,
 * since every loop the merge can make passes through the survivor. What changed is answered
 * exactly, so an undo can put both customers back as they were.
 */
export const moveReferralsForMerge = (db: Db, survivor: CustomerRef, absorbed: CustomerRef): MovedReferrals => {
  const before = referralsTouching(db, [survivor.id, absorbed.id]);
  const swap = (id: string) => (id === absorbed.id ? survivor.id : id);
  const survivorHasReferrer = before.some((row) => row.customer_id === survivor.id && swap(row.referrer_id) !== survivor.id);
  const wanted: DbReferralRow[] = [];
  for (const row of before) {
    const moved = { ...row, customer_id: swap(row.customer_id), referrer_id: swap(row.referrer_id) };
    if (moved.customer_id === moved.referrer_id) continue;
    if (row.customer_id === absorbed.id && survivorHasReferrer) continue;
    wanted.push(moved);
  }
  const removed = before.filter((row) => !wanted.some((kept) => sameLink(kept, row)));
  const added = wanted.filter((row) => !before.some((was) => sameLink(was, row)));
  for (const row of removed) deleteReferralExactly(db, row);
  for (const row of added) upsertReferral(db, row);
  const survivorLink = wanted.find((row) => row.customer_id === survivor.id);
  if (survivorLink && referrerRefusal(survivor.id, survivorLink.referrer_id, (id) => referrerOf(db, id)) !== null) {
    deleteReferralExactly(db, survivorLink);
    const index = added.findIndex((row) => sameLink(row, survivorLink));
    if (index >= 0) added.splice(index, 1);
    else removed.push(survivorLink);
  }
  const rewards = rewardsAroundMerge(db, survivor.id, absorbed.id);
  moveRewards(db, survivor.id, absorbed.id);
  return { removed, added, rewards };
};

/**
 * Takes out what the merge added (if still as it left it) and puts back what it took out. A reward
 * earned since by either customer and not yet handed over is taken back too: the settle step earns
 * it again for whoever referred the customer now that they are two again.
 */
export const returnReferralsAfterMerge = (db: Db, survivor: CustomerRef, absorbed: CustomerRef, moved: MovedReferrals): void => {
  for (const row of moved.added) deleteReferralExactly(db, row);
  for (const row of moved.removed) upsertReferral(db, row);
  dropEarnedRewardsSince(db, [survivor.id, absorbed.id], moved.rewards.map((row) => row.id), referralRewardKind.name);
  for (const row of moved.rewards) restoreRewardPeople(db, row);
};
