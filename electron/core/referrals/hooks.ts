import type { HandlerContext } from '../context';
import { afterRewardsChanged } from '../reminders/hooks';
import { settleReward } from './rewards';

type HookContext = Pick<HandlerContext, 'db' | 'now'>;

/**
 * A visit of this customer was logged, archived or restored (called by the visits handlers in the
 * same transaction): if they were referred, their referrer's reward follows their purchases.
 */
export const afterReferredVisitChanged = (ctx: HookContext, customerId: string): void => {
  afterRewardsChanged(ctx, settleReward(ctx.db, customerId, ctx.now().toISOString()));
};
