import { upcomingDays } from '../../../shared/reminders/agenda';
import { localDayFinder, plusDays } from '../../../shared/reminders/days';
import { localDay } from '../../../shared/time';
import type { HandlerContext } from '../context';
import { derivedId } from '../db/derived-ids';
import { joinTransaction } from '../db/transaction';
import { readStateValue, writeStateValue } from '../settings';
import { keptReason, obsoleteReminders, obsoleteRemindersOfCustomers, upsertReminder } from './queries';
import { reminderEnvironment, shopTimeZone, type ReminderEnvironment } from './settings';
import type { ReminderSourceContext } from './source';
import { reminderSources } from './sources';

export interface GenerationScope {
  /** Only these customers' reminders; omitted: the whole book. */
  customerIds?: readonly string[];
  /** Only these kinds; omitted: every kind with a source. */
  kinds?: readonly string[];
}

export interface GenerationOutcome {
  today: string;
  /** Reminders each source wants open now. */
  wanted: number;
  /** Open reminders closed because their reason went away. */
  obsoleted: number;
}

type GenerationContext = Pick<HandlerContext, 'db' | 'now'>;

const stampKey = 'reminders.generated';

/** What a whole-book generation worked from: the day, the rules and zone, and which sources there are. */
const stampOf = (today: string, environment: ReminderEnvironment): string =>
  JSON.stringify({ today, zone: environment.zone, settings: environment.settings, sources: reminderSources.map((source) => source.kind) });

/** The shop-local day it is now. */
export const shopToday = (ctx: GenerationContext): string => localDay(ctx.now(), shopTimeZone(ctx.db));

/**
 * Ends a whole-book generation made in steps (the worker's derived pass, which lets the counter's
 * writes in between): the customers' reminders were made chunk by chunk with `generateReminders`
 * and their ids; the kinds with reasons that are not a customer's are made here for the whole
 * book, and the stamp a whole-book generation leaves is written.
 */
export const finishGenerationInSteps = (ctx: GenerationContext, environment: ReminderEnvironment): void => {
  const kinds = reminderSources.filter((source) => source.reasonsWithoutCustomer === true).map((source) => source.kind);
  joinTransaction(ctx.db, () => {
    generateReminders(ctx, { kinds }, environment);
    writeStateValue(ctx.db, stampKey, stampOf(localDay(ctx.now(), environment.zone), environment));
  });
};

/** Whether the reminders were made for another day, zone, rules or set of sources than now. */
export const remindersStale = (ctx: GenerationContext, environment: ReminderEnvironment = reminderEnvironment(ctx.db)): boolean =>
  readStateValue(ctx.db, stampKey) !== stampOf(localDay(ctx.now(), environment.zone), environment);

/**
 * Brings the open reminders in line with what every source wants for today: idempotent (the same
 * reason never gives two reminders; run it as often as you like), restart-safe (it works from the
 * book alone) and never reopens what a person closed. Runs in the caller's transaction, or its own.
 */
export const generateReminders = (ctx: GenerationContext, scope: GenerationScope = {}, environment: ReminderEnvironment = reminderEnvironment(ctx.db)): GenerationOutcome => {
  const { zone, settings } = environment;
  const now = ctx.now();
  const at = now.toISOString();
  const today = localDay(now, zone);
  const customerIds = scope.customerIds ?? null;
  const sourceContext: ReminderSourceContext = {
    db: ctx.db,
    today,
    horizon: plusDays(today, upcomingDays),
    zone,
    localDayOf: localDayFinder(zone),
    settings,
    customerIds,
  };
  let wanted = 0;
  let obsoleted = 0;
  // For some customers, what every kind keeps is closed off in one statement after the last source.
  const kinds: string[] = [];
  const kept: string[] = [];
  joinTransaction(ctx.db, () => {
    for (const source of reminderSources) {
      if (scope.kinds && !scope.kinds.includes(source.kind)) continue;
      const keys: string[] = [];
      for (const reminder of source.wanted(sourceContext)) {
        keys.push(reminder.reasonKey);
        if (customerIds !== null) kept.push(keptReason(source.kind, reminder.reasonKey));
        upsertReminder(ctx.db, {
          id: derivedId(source.kind, reminder.reasonKey),
          kind: source.kind,
          reason_key: reminder.reasonKey,
          customer_id: reminder.customerId,
          subject_id: reminder.subjectId ?? null,
          due_day: reminder.dueDay,
          facts_json: JSON.stringify(reminder.facts ?? {}),
          staff_id: reminder.staffId ?? null,
          at,
        });
      }
      wanted += keys.length;
      kinds.push(source.kind);
      if (customerIds === null) obsoleted += obsoleteReminders(ctx.db, source.kind, keys, at);
    }
    if (customerIds !== null && kinds.length > 0) obsoleted += obsoleteRemindersOfCustomers(ctx.db, kinds, kept, customerIds, at);
    if (customerIds === null && scope.kinds === undefined) writeStateValue(ctx.db, stampKey, stampOf(today, environment));
  });
  return { today, wanted, obsoleted };
};

/**
 * Generates for the whole book unless that was already done for today under the same rules: every
 * write keeps its customers' reminders current, so between days only the day itself changes them.
 */
export const generateIfStale = (ctx: GenerationContext, environment: ReminderEnvironment = reminderEnvironment(ctx.db)): boolean => {
  if (!remindersStale(ctx, environment)) return false;
  generateReminders(ctx, {}, environment);
  return true;
};
