import { referralRulesFields, treeNodeLimit, type ReferralRules, type ReferralTree } from '../../../shared/contract/referrals';
import { referralShareBenchmark } from '../../../shared/referrals/figures';
import { nextRewardState } from '../../../shared/referrals/rules';
import { addDays, localDay, startOfLocalDay } from '../../../shared/time';
import { err, ok, type Result } from '../../../shared/result';
import { toFieldIssues } from '../../../shared/validation';
import { recordAudit } from '../audit';
import type { HandlerContext } from '../context';
import { getCustomerRow } from '../customers';
import { inTransaction } from '../db/transaction';
import type { HandlerImpls } from '../registry';
import { shopTimeZone } from '../reminders';
import { afterWrite } from '../derive';
import { referralShareOfLastMonths } from '../loyalty';
import { writeReferrerLink } from './links';
import { conversionCounts, leaderboardRows, recentReferralRows, rewardsToHandOverCount } from './overview-queries';
import { toReferralLink, toReferralReward } from './present';
import {
  countRewardsByStatus,
  getReferralLinkRow,
  getRewardListRow,
  getRewardRow,
  giveReward,
  takeBackReward,
  pendingRewardCount,
  rewardRowsByStatus,
  rewardRowsOf,
  treeCounts,
  treeRows,
  voidReward,
} from './queries';
import { readReferralRules, writeReferralRules } from './rules';

const periodDays = { '30d': 30, '90d': 90, '365d': 365, all: null } as const;
/** The leaderboard shows the top ten referrers of the period. */
const leaderboardSize = 10;

const customerInBook = (ctx: HandlerContext, id: string): Result<null> => {
  const customer = getCustomerRow(ctx.db, id);
  if (customer === null) return err('NOT_FOUND', { entity: 'customer', id });
  if (customer.archived_at !== null) return err('INVALID_STATE', { reason: 'customer_archived' });
  return ok(null);
};

const rewardOrMissing = (ctx: HandlerContext, id: string) => {
  const row = getRewardListRow(ctx.db, id);
  return row === null ? err('NOT_FOUND', { entity: 'reward', id }) : ok(toReferralReward(row));
};

const treeOf = (ctx: HandlerContext, id: string): ReferralTree => {
  const link = getReferralLinkRow(ctx.db, id);
  const counts = treeCounts(ctx.db, id);
  return {
    referredBy: link === null ? null : { referrer: toReferralLink(link).referrer, referredAt: link.referred_at },
    nodes: treeRows(ctx.db, id, treeNodeLimit).map((row) => ({
      id: row.id,
      name: row.name,
      archived: row.archived === 1,
      parentId: row.parent_id,
      depth: row.depth,
      brought: row.brought,
      referredAt: row.referred_at,
    })),
    direct: counts.direct ?? 0,
    total: counts.total,
    depth: counts.depth ?? 0,
    rewards: rewardRowsOf(ctx.db, id).map(toReferralReward),
    pending: pendingRewardCount(ctx.db, id),
  };
};


/**
 * Reward rules as the audit trail records them: a discount's value as money (its field ends in
 * Minor, so the trail shows it in the shop's currency), points as points, and no value for a gift
 * or a thank-you, which have none.
 */
const auditedRules = (rules: ReferralRules, keys: readonly (keyof ReferralRules)[]): Record<string, unknown> => {
  const picked: Record<string, unknown> = Object.fromEntries(keys.filter((key) => key !== 'rewardValue').map((key) => [key, rules[key]]));
  if (!keys.includes('rewardValue')) return picked;
  if (rules.rewardKind === 'discount') return { ...picked, rewardValueMinor: rules.rewardValue };
  if (rules.rewardKind === 'points') return { ...picked, rewardPoints: rules.rewardValue };
  return picked;
};

export const referralsHandlers: HandlerImpls = {
  'referrals-set': (ctx, { customerId, referrerId }) =>
    inTransaction(ctx.db, () => {
      const customer = getCustomerRow(ctx.db, customerId);
      if (customer === null) return err('NOT_FOUND', { entity: 'customer', id: customerId });
      if (referrerId !== null) {
        const referrer = customerInBook(ctx, referrerId);
        if (!referrer.ok) return referrer;
      }
      const at = ctx.now().toISOString();
      // A customer brought at sign-up was referred then; one linked later keeps their sign-up as the day.
      const written = writeReferrerLink(ctx.db, { customerId, referrerId, referredAt: customer.created_at, staffId: ctx.session.staffId, at });
      if (!written.ok) return err('INVALID_STATE', { reason: written.reason });
      const beforeReferrer = written.before?.referrer_id ?? null;
      if (beforeReferrer !== referrerId) {
        recordAudit(ctx, {
          action: referrerId === null ? 'referral.clear' : 'referral.set',
          entity: 'customer',
          entityId: customerId,
          before: beforeReferrer === null ? null : { referrer: getCustomerRow(ctx.db, beforeReferrer)?.name ?? beforeReferrer },
          after: referrerId === null ? null : { referrer: getCustomerRow(ctx.db, referrerId)?.name ?? referrerId },
        });
      }
      afterWrite(ctx, { customerIds: written.referrersChanged });
      const link = getReferralLinkRow(ctx.db, customerId);
      return ok(link === null ? null : toReferralLink(link));
    }),
  'referrals-tree': (ctx, { id }) => (getCustomerRow(ctx.db, id) === null ? err('NOT_FOUND', { entity: 'customer', id }) : ok(treeOf(ctx, id))),
  'referrals-overview': (ctx, { period }) => {
    const zone = shopTimeZone(ctx.db);
    const today = localDay(ctx.now(), zone);
    const days = periodDays[period];
    const since = days === null ? null : startOfLocalDay(addDays(today, -days + 1), zone);
    return ok({
      period,
      leaderboard: leaderboardRows(ctx.db, since, leaderboardSize).map((row) => ({
        referrer: { id: row.referrer_id, name: row.name, archived: row.archived === 1 },
        referrals: row.referrals,
        purchased: row.purchased,
        repeat: row.repeat,
      })),
      recent: recentReferralRows(ctx.db, 15).map(toReferralLink),
      months: referralShareOfLastMonths(ctx.db, 12, zone, ctx.now()),
      benchmark: referralShareBenchmark,
      conversion: conversionCounts(ctx.db, since),
      rewardsToHandOver: rewardsToHandOverCount(ctx.db),
    });
  },
  'referrals-rewards': (ctx, { status, offset, limit }) => {
    const filter = status === 'all' ? null : status;
    return ok({ total: countRewardsByStatus(ctx.db, filter), rows: rewardRowsByStatus(ctx.db, filter, limit, offset).map(toReferralReward) });
  },
  'referrals-reward-give': (ctx, { id }) =>
    inTransaction(ctx.db, () => {
      const row = getRewardRow(ctx.db, id);
      if (row === null) return err('NOT_FOUND', { entity: 'reward', id });
      const next = nextRewardState(row.status, { kind: 'give' });
      if (!next.ok) return err('INVALID_STATE', { reason: next.reason });
      const at = ctx.now().toISOString();
      giveReward(ctx.db, id, at, ctx.session.staffId);
      recordAudit(ctx, { action: 'referral_reward.give', entity: 'referral_reward', entityId: id, before: { status: row.status }, after: { status: 'given' } });
      afterWrite(ctx, { customerIds: [row.referrer_id] });
      return rewardOrMissing(ctx, id);
    }),
  'referrals-reward-ungive': (ctx, { id }) =>
    inTransaction(ctx.db, () => {
      const row = getRewardRow(ctx.db, id);
      if (row === null) return err('NOT_FOUND', { entity: 'reward', id });
      const next = nextRewardState(row.status, { kind: 'take_back' });
      if (!next.ok) return err('INVALID_STATE', { reason: next.reason });
      takeBackReward(ctx.db, id, ctx.now().toISOString());
      recordAudit(ctx, { action: 'referral_reward.ungive', entity: 'referral_reward', entityId: id, before: { status: row.status }, after: { status: next.state } });
      afterWrite(ctx, { customerIds: [row.referrer_id] });
      return rewardOrMissing(ctx, id);
    }),
  'referrals-reward-void': (ctx, { id, reason }) =>
    inTransaction(ctx.db, () => {
      const row = getRewardRow(ctx.db, id);
      if (row === null) return err('NOT_FOUND', { entity: 'reward', id });
      const next = nextRewardState(row.status, { kind: 'void' });
      if (!next.ok) return err('INVALID_STATE', { reason: next.reason });
      voidReward(ctx.db, id, ctx.now().toISOString(), reason);
      recordAudit(ctx, { action: 'referral_reward.void', entity: 'referral_reward', entityId: id, before: { status: row.status }, after: { status: 'void' }, note: reason });
      afterWrite(ctx, { customerIds: [row.referrer_id] });
      return rewardOrMissing(ctx, id);
    }),
  'referrals-rules-get': (ctx) => ok(readReferralRules(ctx.db)),
  /** Owner only. Rewards already earned keep the rule they were earned under. */
  'referrals-rules-update': (ctx, changes) =>
    inTransaction(ctx.db, () => {
      const before = readReferralRules(ctx.db);
      const merged = referralRulesFields.safeParse({ ...before, ...changes });
      if (!merged.success) return err('VALIDATION_FAILED', { issues: toFieldIssues(merged.error, changes) });
      const changedKeys = (Object.keys(changes) as (keyof ReferralRules)[]).filter((key) => changes[key] !== undefined && before[key] !== merged.data[key]);
      if (changedKeys.length === 0) return ok(before);
      const pick = (rules: ReferralRules) => Object.fromEntries(changedKeys.map((key) => [key, rules[key]]));
      writeReferralRules(ctx.db, pick(merged.data));
      // A new kind of reward changes what its value means, so the trail shows the value on both sides then.
      const audited = changedKeys.includes('rewardKind') && !changedKeys.includes('rewardValue') ? [...changedKeys, 'rewardValue' as const] : changedKeys;
      recordAudit(ctx, { action: 'referral_rules.update', entity: 'settings', entityId: null, before: auditedRules(before, audited), after: auditedRules(merged.data, audited) });
      return ok(readReferralRules(ctx.db));
    }),
};
