import { z } from 'zod';
import { isDay } from '../reminders/days';
import { isReminderKind } from '../reminders/kinds';
import { handler, returns } from './define';
import { amountMinor, id, optionalText, requiredText } from './fields';

export const reminderStatuses = ['open', 'done', 'dismissed', 'obsolete'] as const;
/** open → done (with an outcome note) or dismissed by a person; obsolete when its reason went away (closed by the app). */
export type ReminderStatus = (typeof reminderStatuses)[number];

/** Kind-specific facts a reminder's title is written from (the visit's amount, the birthday's day…). */
export type ReminderFacts = Record<string, string | number | boolean | null>;

export interface Reminder {
  id: string;
  /** A registered kind (shared/reminders/kinds.ts): follow_up, birthday, win_back, custom, … */
  kind: string;
  customerId: string | null;
  /** What it is about, for the kind's link: a visit, a complaint, a referral… */
  subjectId: string | null;
  /** Shop-local day (YYYY-MM-DD) it is due. */
  dueDay: string;
  snoozedUntil: string | null;
  /** The day it shows on the agenda: the snooze day when snoozed, otherwise the due day. */
  agendaDay: string;
  status: ReminderStatus;
  /** What a person wrote when creating it (custom reminders). */
  note: string;
  facts: ReminderFacts;
  /** Whom it is for: set by the reminder itself, otherwise the staff member who looks after the customer. */
  staffId: string | null;
  /** What came of it, written when it was done or dismissed. */
  outcomeNote: string;
  createdAt: string;
  closedAt: string | null;
  closedByStaffId: string | null;
}

/** The customer a reminder is about, as the agenda shows them: enough to make the call. */
export interface AgendaCustomer {
  id: string;
  name: string;
  phones: string[];
  consentToContact: boolean;
  visitCount: number;
  /** Their usual gap between visits in days; null before a second visit. */
  rhythmDays: number | null;
  lastActivityAt: string | null;
  /** Whole days since the last visit or contact, on the shop's today. */
  daysAway: number | null;
  lost: boolean;
}

export interface AgendaItem extends Reminder {
  customer: AgendaCustomer | null;
  /** Whose it is on the agenda (the reminder's own staff member, else the customer's). */
  assigneeId: string | null;
  assigneeName: string | null;
}

export interface AgendaSectionPage {
  items: AgendaItem[];
  /** All matching reminders in the section; `items` holds at most the requested limit. */
  total: number;
}

export interface Agenda {
  /** The shop-local day the agenda is for. */
  today: string;
  overdue: AgendaSectionPage;
  dueToday: AgendaSectionPage;
  upcoming: AgendaSectionPage;
  /** Open reminders overdue, due today or upcoming, per kind and per assignee (before the filters). */
  countsByKind: { kind: string; count: number }[];
  countsByAssignee: { staffId: string | null; count: number }[];
}

export interface DueSummary {
  today: string;
  overdue: number;
  dueToday: number;
  upcoming: number;
}

export const localDayField = z.string().refine(isDay, 'invalid_date');

const reminderKind = z.string().max(40).refine(isReminderKind, 'invalid_choice');

export const assigneeFilter = z.union([z.literal('anyone'), z.literal('nobody'), z.strictObject({ staffId: id })]);
export type AssigneeFilter = z.output<typeof assigneeFilter>;

export const reminderNoteLimit = 2000;

/**
 * The shop's reminder rules; every key has a default (electron/core/reminders/settings.ts), and
 * changing any of them regenerates the open reminders.
 */
export const reminderSettingsFields = z.strictObject({
  /** After-sale follow-up this many days after the visit. */
  followUpDays: z.int().min(1).max(90),
  /** Follow up after a customer's first visit. */
  followUpFirstVisit: z.boolean(),
  /** Also after any purchase of at least this amount (minor units); null: not by amount. */
  followUpMinAmountMinor: amountMinor.min(1).nullable(),
  /** Birthday reminders this many days ahead. */
  birthdayLeadDays: z.int().min(0).max(30),
  lapseMultiplier: z.number().min(1.2).max(10),
  lapseMinDays: z.int().min(1).max(365),
  lapseMaxDays: z.int().min(7).max(1095),
  lapseMinVisits: z.int().min(2).max(20),
  lapseFallbackDays: z.int().min(7).max(730),
  /** A customer who lapsed longer ago than this gets no new win-back reminder (the old ones stay). */
  winBackWindowDays: z.int().min(7).max(730),
  /** After "no answer", the win-back reminder comes back this many days later. */
  winBackRetryDays: z.int().min(1).max(60),
});

/** The fields together: the shortest lapse cannot be longer than the longest. */
export const reminderSettingsShape = reminderSettingsFields.superRefine((rules, context) => {
  if (rules.lapseMinDays > rules.lapseMaxDays) {
    context.addIssue({ code: 'too_big', origin: 'number', maximum: rules.lapseMaxDays, inclusive: true, input: rules.lapseMinDays, path: ['lapseMinDays'] });
  }
});
export type ReminderSettings = z.output<typeof reminderSettingsFields>;

export const remindersContract = {
  'reminders-agenda': handler({
    input: z.strictObject({
      /** Empty: every kind. */
      kinds: z.array(reminderKind).max(50).default([]),
      assignee: assigneeFilter.default('anyone'),
      /** At most this many reminders per section (the totals count them all). */
      limit: z.int().min(1).max(500).default(100),
    }),
    output: returns<Agenda>(),
    access: 'staff',
    mutates: false,
  }),
  'reminders-due-summary': handler({
    input: z.strictObject({}),
    output: returns<DueSummary>(),
    access: 'staff',
    mutates: false,
  }),
  'reminders-complete': handler({
    input: z.strictObject({ id, note: optionalText(reminderNoteLimit) }),
    output: returns<Reminder>(),
    access: 'staff',
    mutates: true,
  }),
  'reminders-dismiss': handler({
    input: z.strictObject({ id, note: optionalText(reminderNoteLimit) }),
    output: returns<Reminder>(),
    access: 'staff',
    mutates: true,
  }),
  'reminders-snooze': handler({
    input: z.strictObject({ id, until: localDayField }),
    output: returns<Reminder>(),
    access: 'staff',
    mutates: true,
  }),
  /**
   * Undoes a snooze (from its message): back to the day it was snoozed from (`restore`; null: not
   * snoozed). Refused when the reminder was snoozed again or closed since (`until` no longer holds).
   */
  'reminders-unsnooze': handler({
    input: z.strictObject({ id, until: localDayField, restore: localDayField.nullable() }),
    output: returns<Reminder>(),
    access: 'staff',
    mutates: true,
  }),
  'reminders-reopen': handler({
    input: z.strictObject({ id }),
    output: returns<Reminder>(),
    access: 'staff',
    mutates: true,
  }),
  'reminders-create': handler({
    input: z.strictObject({
      customerId: id.nullable().default(null),
      dueDay: localDayField,
      note: requiredText(reminderNoteLimit),
      staffId: id.nullable().default(null),
    }),
    output: returns<Reminder>(),
    access: 'staff',
    mutates: true,
  }),
  'reminders-for-customer': handler({
    input: z.strictObject({ customerId: id }),
    output: returns<Reminder[]>(),
    access: 'staff',
    mutates: false,
  }),
  'reminders-settings-get': handler({
    input: z.strictObject({}),
    output: returns<ReminderSettings>(),
    access: 'staff',
    mutates: false,
  }),
  'reminders-settings-update': handler({
    input: reminderSettingsFields.partial(),
    output: returns<ReminderSettings>(),
    access: 'owner',
    mutates: true,
  }),
} as const;
