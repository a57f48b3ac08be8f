import { upcomingDays } from '../../../shared/reminders/agenda';
import { localDayFinder, plusDays } from '../../../shared/reminders/days';
import { localDay } from '../../../shared/time';
import type { HandlerContext } from '../context';
import { newId } from '../db/ids';
import { currentSettings } from '../settings/current';
import { obsoleteReminders, upsertReminder } from './queries';
import { readReminderSettings } from './settings';
import type { ReminderSource, ReminderSourceContext } from './source';
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

/** The shop-local day it is now. */
export const shopToday = (ctx: GenerationContext): string => localDay(ctx.now(), currentSettings(ctx).timeZone);

/**
 * Brings the open reminders in line with what every source wants for today: idempotent (the same
 * reason never gives two reminders; run it as often as you like), restart-safe (it works from the
 * book alone) and never reopens what a person closed. Runs in the caller's transaction, or its own.
 */
export const generateReminders = (ctx: GenerationContext, scope: GenerationScope = {}, sources: readonly ReminderSource[] = reminderSources): GenerationOutcome => {
  const zone = currentSettings(ctx).timeZone;
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
    settings: readReminderSettings(ctx.db),
    customerIds,
  };
  let wanted = 0;
  let obsoleted = 0;
  ctx.db.transaction(() => {
    for (const source of sources) {
      if (scope.kinds && !scope.kinds.includes(source.kind)) continue;
      const keys: string[] = [];
      for (const reminder of source.wanted(sourceContext)) {
        keys.push(reminder.reasonKey);
        upsertReminder(ctx.db, {
          id: newId(),
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
      obsoleted += obsoleteReminders(ctx.db, source.kind, keys, customerIds, at);
    }
  }).immediate();
  return { today, wanted, obsoleted };
};
