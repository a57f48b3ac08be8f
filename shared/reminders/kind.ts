import type { ReminderFacts } from '../contract/reminders';
import type { Language } from '../locale';

/** Formatting the renderer lends a kind's title: money in the shop's currency, days in the app's language. */
export interface ReminderFormat {
  money(minor: number): string;
  /** A shop-local day, short ("10 Mar", "3月10日"). */
  day(day: string): string;
}

export interface ReminderTitleInput {
  language: Language;
  /** The customer's name; null for a reminder about no one in particular. */
  customerName: string | null;
  /** The customer's rhythm as of today, for kinds that speak of it. */
  customer: { visitCount: number; rhythmDays: number | null; daysAway: number | null } | null;
  facts: ReminderFacts;
  note: string;
  format: ReminderFormat;
}

/**
 * One kind of reminder: its name in the book, how it reads in each language and where it leads.
 * A feature adds a kind by writing one of these and listing it in `reminderKinds` (kinds.ts); its
 * reminders come from a `ReminderSource` registered in the core (electron/core/reminders/sources.ts).
 */
export interface ReminderKind {
  /** Stored in the book; never renamed. Lowercase with underscores. */
  name: string;
  /** The kind's name for filters and the call list. */
  label: Record<Language, string>;
  /** The one line the agenda shows. */
  title(input: ReminderTitleInput): string;
  /** The renderer route "Open" leads to; null when there is nothing to open. */
  link(reminder: { customerId: string | null; subjectId: string | null }): string | null;
  /** Doing it means calling the customer: it goes on the day's printable and CSV call list. */
  onCallList: boolean;
  /**
   * The day the reminder is about, when it comes ahead of it (a birthday, greeted a few days before):
   * what "today", "in 3 days" and "late" are measured against, rather than the day it came up.
   */
  occasionDay?(facts: ReminderFacts): string | null;
}

/** Reads a fact that should be a number (facts come back from the book as JSON). */
export const numberFact = (facts: ReminderFacts, key: string): number | null => {
  const value = facts[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};

export const textFact = (facts: ReminderFacts, key: string): string | null => {
  const value = facts[key];
  return typeof value === 'string' ? value : null;
};

export const customerLink = (reminder: { customerId: string | null }): string | null =>
  reminder.customerId === null ? null : `/customers/${reminder.customerId}`;
