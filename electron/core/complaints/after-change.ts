import { complaintDeadlineKind } from '../../../shared/reminders/kinds/complaint-deadline';
import { complaintFollowUpKind } from '../../../shared/reminders/kinds/complaint-follow-up';
import type { HandlerContext } from '../context';
import { generateReminders } from '../reminders/engine';
import { refreshLoyalty } from '../reminders/hooks';

export const complaintReminderKinds = [complaintDeadlineKind.name, complaintFollowUpKind.name] as const;

/** After any complaint write: its deadline and follow-up reminders are current when the write commits. */
export const afterComplaintChanged = (ctx: Pick<HandlerContext, 'db' | 'now'>): void => {
  generateReminders(ctx, { kinds: complaintReminderKinds });
};

/**
 * A customer's complaint moved through its lifecycle: besides its reminders, a resolution (or a
 * reopening) gives (or takes back) the constructive-feedback point, and so may change their tier.
 */
export const afterComplaintStep = (ctx: Pick<HandlerContext, 'db' | 'now'>, customerId: string | null): void => {
  afterComplaintChanged(ctx);
  if (customerId !== null) refreshLoyalty(ctx, customerId);
};
