import { complaintDeadlineKind } from '../../../shared/reminders/kinds/complaint-deadline';
import { complaintFollowUpKind } from '../../../shared/reminders/kinds/complaint-follow-up';
import type { HandlerContext } from '../context';
import { generateReminders } from '../reminders/engine';

export const complaintReminderKinds = [complaintDeadlineKind.name, complaintFollowUpKind.name] as const;

/** After any complaint write: its deadline and follow-up reminders are current when the write commits. */
export const afterComplaintChanged = (ctx: Pick<HandlerContext, 'db' | 'now'>): void => {
  generateReminders(ctx, { kinds: complaintReminderKinds });
};
