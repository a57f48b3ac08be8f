import { referralRewardKind } from '../../../shared/reminders/kinds/referral-reward';
import type { HandlerContext } from '../context';
import { generateReminders } from '../reminders/engine';
import { settleReward } from './rewards';

type HookContext = Pick<HandlerContext, 'db' | 'now'>;

/** The referrers' "hand over the reward" reminders, current with their rewards. */
export const refreshRewardReminders = (ctx: HookContext, referrerIds: readonly string[]): void => {
  if (referrerIds.length > 0) generateReminders(ctx, { customerIds: referrerIds, kinds: [referralRewardKind.name] });
};

/**
 * A visit of this customer was logged, archived or restored (called by the visits handlers in the
 * same transaction): if they were referred, their referrer's reward follows their purchases.
 */
export const afterReferredVisitChanged = (ctx: HookContext, customerId: string): void => {
  refreshRewardReminders(ctx, settleReward(ctx.db, customerId, ctx.now().toISOString()));
};
