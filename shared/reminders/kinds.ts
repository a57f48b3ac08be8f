import type { ReminderFacts } from '../contract/reminders';
import { daysBetween } from './days';
import type { ReminderKind } from './kind';
import { birthdayKind } from './kinds/birthday';
import { complaintDeadlineKind } from './kinds/complaint-deadline';
import { complaintFollowUpKind } from './kinds/complaint-follow-up';
import { customKind } from './kinds/custom';
import { followUpKind } from './kinds/follow-up';
import { greenChannelKind } from './kinds/green-channel';
import { referralRewardKind } from './kinds/referral-reward';
import { winBackKind } from './kinds/win-back';

/**
 * Every kind of reminder the app knows, in the order the agenda's filters list them. A feature adds
 * its kind with one line here (and its source in electron/core/reminders/sources.ts).
 */
export const reminderKinds: readonly ReminderKind[] = [followUpKind, birthdayKind, winBackKind, referralRewardKind, complaintDeadlineKind, complaintFollowUpKind, greenChannelKind, customKind];

const byName = new Map(reminderKinds.map((kind) => [kind.name, kind]));

export const isReminderKind = (name: string): boolean => byName.has(name);

export const reminderKind = (name: string): ReminderKind | undefined => byName.get(name);

export type ReminderTiming =
  /** Measured by the day it came up (or was snoozed to). */
  | { by: 'agenda'; days: number }
  /** Measured by the day it is about: a birthday today is today, not "3 days overdue". */
  | { by: 'occasion'; day: string; days: number };

/** How many days from `today` a reminder is due (negative: late), by its occasion when its kind has one. */
export const reminderTiming = (reminder: { kind: string; facts: ReminderFacts; agendaDay: string; snoozedUntil: string | null }, today: string): ReminderTiming => {
  const occasion = reminder.snoozedUntil === null ? (reminderKind(reminder.kind)?.occasionDay?.(reminder.facts) ?? null) : null;
  return occasion === null ? { by: 'agenda', days: daysBetween(today, reminder.agendaDay) } : { by: 'occasion', day: occasion, days: daysBetween(today, occasion) };
};
