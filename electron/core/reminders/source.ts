import type { ReminderFacts, ReminderSettings } from '../../../shared/contract/reminders';
import type { Db } from '../db/connection';

/** What a source is asked: which reminders of its kind should be open on `today`? */
export interface ReminderSourceContext {
  db: Db;
  /** The shop-local day (YYYY-MM-DD) generation is for. */
  today: string;
  /** The last day the agenda looks ahead to (today + 7): reminders due later need not be raised yet. */
  horizon: string;
  /** The shop's time zone, for turning instants into shop-local days. */
  zone: string;
  localDayOf(instant: string): string;
  settings: ReminderSettings;
  /** Only these customers (after one of their records changed); null: the whole book. */
  customerIds: readonly string[] | null;
}

/** One reminder that should exist. The same reason must always give the same key. */
export interface WantedReminder {
  /** Stable and unique within the kind, e.g. the visit id, "customer:2026-03-14". */
  reasonKey: string;
  customerId: string | null;
  /** What it is about (a visit, a complaint…), for the kind's link. */
  subjectId?: string | null;
  /** Shop-local day it is due. */
  dueDay: string;
  /** A staff member it is for; null leaves it to whoever looks after the customer. */
  staffId?: string | null;
  /** What its title is written from. */
  facts?: ReminderFacts;
}

/**
 * Where one kind of reminder comes from: a function that, for the day and the settings, yields
 * every reminder of its kind that should be open now. The engine (engine.ts) creates the ones it
 * has never seen, updates the due day and facts of open ones, and closes as obsolete the open ones
 * no longer yielded; done and dismissed ones are never reopened. With `customerIds` set, yield only
 * those customers' reminders. A source may leave out old reasons (e.g. lapses long ago) as long as
 * it still yields any that are open, or they will be closed.
 */
export interface ReminderSource {
  kind: string;
  /** Some of its reasons need not be a customer's (a complaint without one): a pass customer by customer misses them. */
  reasonsWithoutCustomer?: boolean;
  wanted(context: ReminderSourceContext): Iterable<WantedReminder>;
}
