import { z } from 'zod';
import type { MonthShare } from '../referrals/figures';
import { rewardKinds, type RewardKind } from '../referrals/rules';
import { handler, returns } from './define';
import { amountMinor, id, pageLimit, requiredText } from './fields';

/** The reward rules: what a referrer gets once the customer they brought makes a first qualifying purchase. */
export const referralRulesFields = z.strictObject({
  rewardKind: z.enum(rewardKinds),
  /** Minor units for a discount, a number of points for points; unused for a gift or a thank-you. */
  rewardValue: z.int().min(0).max(1_000_000_000),
  /** What the gift is, for the gift kind ("a free coffee"). */
  rewardGift: z.string().trim().max(200),
  /** The least a first purchase must come to; 0: any first visit qualifies. */
  minFirstPurchaseMinor: amountMinor,
});
export type ReferralRules = z.output<typeof referralRulesFields>;

export const defaultReferralRules: ReferralRules = { rewardKind: 'thanks', rewardValue: 0, rewardGift: '', minFirstPurchaseMinor: 0 };

export interface ReferralPerson {
  id: string;
  name: string;
  archived: boolean;
}

export interface ReferralLink {
  customer: ReferralPerson;
  referrer: ReferralPerson;
  /** When the customer was brought (their sign-up, unless set otherwise). */
  referredAt: string;
  /** Who recorded it; null for an import or the demo data. */
  staffId: string | null;
}

export const rewardStatuses = ['earned', 'given', 'void'] as const;
export type RewardStatus = (typeof rewardStatuses)[number];

export interface ReferralReward {
  id: string;
  referrer: ReferralPerson;
  referred: ReferralPerson;
  /** The qualifying purchase. */
  visitId: string | null;
  kind: RewardKind;
  value: number;
  gift: string;
  status: RewardStatus;
  earnedAt: string;
  givenAt: string | null;
  givenByStaffName: string | null;
  voidedAt: string | null;
  voidReason: string;
}

export interface ReferralTreeNode {
  id: string;
  name: string;
  archived: boolean;
  /** The customer who brought this one (the profile's customer for depth 1). */
  parentId: string;
  depth: number;
  /** How many this one brought directly. */
  brought: number;
  referredAt: string;
}

export interface ReferralTree {
  referredBy: { referrer: ReferralPerson; referredAt: string } | null;
  /** Down the tree, depth first in the order they were brought; at most `treeNodeLimit` nodes. */
  nodes: ReferralTreeNode[];
  direct: number;
  total: number;
  depth: number;
  /** Rewards this customer earned for bringing others. */
  rewards: ReferralReward[];
  /** Customers they brought who have not made a qualifying purchase yet. */
  pending: number;
}

/** The tree shown on a profile stops at this many people (the counts still cover everyone). */
export const treeNodeLimit = 500;

export const leaderboardPeriods = ['30d', '90d', '365d', 'all'] as const;
export type LeaderboardPeriod = (typeof leaderboardPeriods)[number];

export interface LeaderboardRow {
  referrer: ReferralPerson;
  /** Customers brought in the period. */
  referrals: number;
  /** Of them, how many bought at least once: as "bought" in the conversion line, whether or not the purchase earned a reward. */
  purchased: number;
  /** Of them, how many came back at least once more (two visits or more). */
  repeat: number;
}

export interface ReferralsOverview {
  period: LeaderboardPeriod;
  leaderboard: LeaderboardRow[];
  recent: ReferralLink[];
  /** The last 12 months, oldest first. */
  months: MonthShare[];
  benchmark: number;
  /** Customers brought in the period, how many made a purchase, and how many became repeat customers. */
  conversion: { referred: number; purchased: number; repeat: number };
  /** Rewards earned and not yet handed over. */
  rewardsToHandOver: number;
}

export const rewardFilters = ['earned', 'given', 'void', 'all'] as const;

export const referralsContract = {
  'referrals-set': handler({
    input: z.strictObject({ customerId: id, referrerId: id.nullable() }),
    output: returns<ReferralLink | null>(),
    access: 'staff',
    mutates: true,
  }),
  'referrals-tree': handler({
    input: z.strictObject({ id }),
    output: returns<ReferralTree>(),
    access: 'staff',
    mutates: false,
  }),
  'referrals-overview': handler({
    input: z.strictObject({ period: z.enum(leaderboardPeriods).default('90d') }),
    output: returns<ReferralsOverview>(),
    access: 'staff',
    mutates: false,
  }),
  'referrals-rewards': handler({
    input: z.strictObject({
      status: z.enum(rewardFilters).default('earned'),
      offset: z.int().min(0).max(10_000_000).default(0),
      limit: pageLimit.default(50),
    }),
    output: returns<{ total: number; rows: ReferralReward[] }>(),
    access: 'staff',
    mutates: false,
  }),
  'referrals-reward-give': handler({
    input: z.strictObject({ id }),
    output: returns<ReferralReward>(),
    access: 'staff',
    mutates: true,
  }),
  /** Undoes "Mark given" (from its message): the reward is to hand over again. */
  'referrals-reward-ungive': handler({
    input: z.strictObject({ id }),
    output: returns<ReferralReward>(),
    access: 'staff',
    mutates: true,
  }),
  'referrals-reward-void': handler({
    input: z.strictObject({ id, reason: requiredText(500) }),
    output: returns<ReferralReward>(),
    access: 'owner',
    mutates: true,
  }),
  'referrals-rules-get': handler({
    input: z.strictObject({}),
    output: returns<ReferralRules>(),
    access: 'staff',
    mutates: false,
  }),
  'referrals-rules-update': handler({
    input: referralRulesFields.partial(),
    output: returns<ReferralRules>(),
    access: 'owner',
    mutates: true,
  }),
} as const;
