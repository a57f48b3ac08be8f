import { complaintDeadlineKind } from '../../../shared/reminders/kinds/complaint-deadline';
import { complaintFollowUpKind } from '../../../shared/reminders/kinds/complaint-follow-up';

/** A complaint's deadline and follow-up reminders: made anew for the whole book after any complaint write. */
export const complaintReminderKinds = [complaintDeadlineKind.name, complaintFollowUpKind.name] as const;
