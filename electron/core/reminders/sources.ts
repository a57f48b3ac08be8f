import type { ReminderSource } from './source';
import { birthdaySource } from './sources/birthday';
import { complaintDeadlineSource } from './sources/complaint-deadline';
import { complaintFollowUpSource } from './sources/complaint-follow-up';
import { followUpSource } from './sources/follow-up';
import { greenChannelSource } from './sources/green-channel';
import { referralRewardSource } from './sources/referral-reward';
import { winBackSource } from './sources/win-back';

/**
 * Where generated reminders come from, one source per kind. A feature adds its own with one line
 * here (and its kind in shared/reminders/kinds.ts). Custom reminders have no source: people write them.
 */
export const reminderSources: readonly ReminderSource[] = [followUpSource, birthdaySource, winBackSource, referralRewardSource, complaintDeadlineSource, complaintFollowUpSource, greenChannelSource];
