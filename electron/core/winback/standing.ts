import type { CustomerStanding, CustomerState } from '../../../shared/contract/winback';
import { daysBetween, localDayFinder } from '../../../shared/reminders/days';
import { isLapsedOn, lapseThresholdDays } from '../../../shared/reminders/rhythm';
import { localDay } from '../../../shared/time';
import type { HandlerContext } from '../context';
import { lapseRow } from '../derive';
import { lapseRulesOf, readReminderSettings, shopTimeZone } from '../reminders';
import { toStatusEvent } from './present';
import { latestStatusEventRow } from './queries';

const lastActivity = (visit: string | null, contact: string | null): string | null =>
  visit === null ? contact : contact === null || visit > contact ? visit : contact;

/** Where a customer stands today: new, active within their rhythm, lapsed past it, lost, or archived. */
export const readStanding = (ctx: Pick<HandlerContext, 'db' | 'now'>, customerId: string): CustomerStanding | null => {
  const row = lapseRow(ctx.db, customerId);
  if (row === null) return null;
  const zone = shopTimeZone(ctx.db);
  const today = localDay(ctx.now(), zone);
  const lastActivityAt = lastActivity(row.last_visit_at, row.last_contact_at);
  const latest = latestStatusEventRow(ctx.db, customerId);
  const state: CustomerState =
    row.archived_at !== null
      ? 'archived'
      : row.lost_at !== null
        ? 'lost'
        : row.visit_count === 0
          ? 'new'
          : isLapsedOn(row.lapses_on, today)
            ? 'lapsed'
            : 'active';
  return {
    customerId,
    state,
    rhythmDays: row.visit_rhythm_days,
    thresholdDays: lapseThresholdDays(row.visit_rhythm_days, row.visit_count, lapseRulesOf(readReminderSettings(ctx.db))),
    lastActivityAt,
    lastActivityKind: lastActivityAt === null ? null : lastActivityAt === row.last_visit_at ? 'visit' : 'contact',
    daysAway: lastActivityAt === null ? null : daysBetween(localDayFinder(zone)(lastActivityAt), today),
    lapsesOn: row.lapses_on,
    lost: row.lost_at !== null && latest?.kind === 'lost' ? toStatusEvent(latest) : null,
  };
};
