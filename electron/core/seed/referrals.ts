import type { ReferralRules } from '../../../shared/contract/referrals';
import { referralRewardKind } from '../../../shared/reminders/kinds/referral-reward';
import type { Db } from '../db/connection';
import { setCustomersSource } from '../customers';
import { newId } from '../db/ids';
import { insertReward, referralRulesSet, upsertReferral, writeReferralRules } from '../referrals';
import { generateReminders } from '../reminders';
import { seedFirstVisits, seedSignups } from './referrals-queries';
import type { Random } from './random';

/** About 30% of customers came by referral (the bench book: 30,000 referrals for 100,000 customers). */
const referredShare = 0.3;
/** A few customers bring many: about one in sixty is a champion, and champions bring a third of all referrals. */
const championShare = 1 / 60;
const championPull = 0.35;
const dayMs = 86_400_000;
const voidReasons = { hant: '同一人重複登記', hans: '同一人重复登记', en: 'Same person entered twice' };

export interface SeededReferrals {
  referrals: number;
  rewards: number;
  /** "Hand over the reward" reminders for the rewards still to give. */
  openReminders: number;
}

/**
 * Referral chains over the seeded customers: each referred customer was brought by someone who
 * signed up before them (so there are never loops), a few champions bring many, and those brought
 * go on to bring others. Rewards follow the rule the demo shop uses (a discount of one typical
 * ticket on the first visit): handed over for most, a few voided, the recent ones still to give,
 * each with its reminder (seeded after the reminder history, which works through older reminders).
 */
export const seedReferrals = (db: Db, random: Random, options: { now: Date; staffIds: readonly string[]; ticketMinor: number; pool: 'hant' | 'hans' | 'en' }): SeededReferrals => {
  if (!referralRulesSet(db)) {
    const rules: ReferralRules = { rewardKind: 'discount', rewardValue: options.ticketMinor, rewardGift: '', minFirstPurchaseMinor: 0 };
    writeReferralRules(db, rules);
  }
  const signups = seedSignups(db);
  const champions: number[] = [];
  const referred: string[] = [];
  signups.forEach((signup, index) => {
    if (index > 0 && random.chance(referredShare)) {
      const referrer = champions.length > 0 && random.chance(championPull) ? random.pick(champions) : random.int(0, index - 1);
      upsertReferral(db, {
        customer_id: signup.id,
        referrer_id: signups[referrer]!.id,
        referred_at: signup.created_at,
        staff_id: null,
        created_at: signup.created_at,
        updated_at: signup.created_at,
      });
      referred.push(signup.id);
    }
    if (random.chance(championShare)) champions.push(index);
  });
  // A customer someone brought came by referral.
  setCustomersSource(db, referred, 'referral');

  const end = options.now.getTime();
  let rewards = 0;
  for (const first of seedFirstVisits(db)) {
    const earned = Date.parse(first.occurred_at);
    const ageDays = (end - earned) / dayMs;
    const givenAt = new Date(Math.min(end - 60_000, earned + random.int(0, 10) * dayMs)).toISOString();
    const roll = random.next();
    const status = roll < 0.03 ? 'void' : ageDays > 14 || roll < 0.5 ? 'given' : 'earned';
    insertReward(db, {
      id: newId(),
      referrer_id: first.referrer_id,
      referred_id: first.customer_id,
      visit_id: first.visit_id,
      kind: 'discount',
      value: options.ticketMinor,
      gift: '',
      status,
      earned_at: first.occurred_at,
      given_at: status === 'given' ? givenAt : null,
      given_by_staff_id: status === 'given' && options.staffIds.length > 0 ? random.pick(options.staffIds) : null,
      voided_at: status === 'void' ? givenAt : null,
      void_reason: status === 'void' ? voidReasons[options.pool] : '',
      created_at: first.occurred_at,
      updated_at: status === 'earned' ? first.occurred_at : givenAt,
    });
    rewards += 1;
  }
  const { wanted } = generateReminders({ db, now: () => options.now }, { kinds: [referralRewardKind.name] });
  return { referrals: referred.length, rewards, openReminders: wanted };
};
