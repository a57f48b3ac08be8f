import type { CustomerStatusEvent, LostReason } from '../../../shared/contract/winback';
import { daysBetween, localDayFinder } from '../../../shared/reminders/days';
import type { HandlerContext } from '../context';
import { newId } from '../db/ids';
import { shopTimeZone } from '../reminders';
import { toStatusEvent } from './present';
import {
  archiveStatusEvent,
  getStatusEventRow,
  hasAttemptSince,
  insertStatusEvent,
  previousActivityAt,
  statusEventIdsOfVisit,
} from './queries';

type StatusContext = Pick<HandlerContext, 'db' | 'now' | 'session'>;

const recordEvent = (
  ctx: StatusContext,
  event: { customerId: string; kind: 'lost' | 'won_back'; reason: LostReason | null; note: string; from: 'lapsed' | 'lost' | null; daysAway: number | null; afterAttempt: boolean; visitId: string | null; at: string },
): CustomerStatusEvent => {
  const id = newId();
  insertStatusEvent(ctx.db, {
    id,
    customer_id: event.customerId,
    kind: event.kind,
    reason: event.reason,
    note: event.note,
    came_back_from: event.from,
    days_away: event.daysAway,
    after_attempt: event.afterAttempt ? 1 : 0,
    visit_id: event.visitId,
    staff_id: ctx.session.staffId,
    at: event.at,
    created_at: ctx.now().toISOString(),
  });
  return toStatusEvent(getStatusEventRow(ctx.db, id) as NonNullable<ReturnType<typeof getStatusEventRow>>);
};

export const markLost = (ctx: StatusContext, customerId: string, reason: LostReason, note: string): CustomerStatusEvent =>
  recordEvent(ctx, { customerId, kind: 'lost', reason, note, from: null, daysAway: null, afterAttempt: false, visitId: null, at: ctx.now().toISOString() });

/** Won back by hand (they came back but no visit was logged, or the shop reconsidered): only from lost. */
export const markWonBack = (ctx: StatusContext, customer: { id: string; lostAt: string; lastActivityAt: string | null }, note: string): CustomerStatusEvent => {
  const at = ctx.now().toISOString();
  const localDayOf = localDayFinder(shopTimeZone(ctx.db));
  return recordEvent(ctx, {
    customerId: customer.id,
    kind: 'won_back',
    reason: null,
    note,
    from: 'lost',
    daysAway: customer.lastActivityAt === null ? null : daysBetween(localDayOf(customer.lastActivityAt), localDayOf(at)),
    afterAttempt: hasAttemptSince(ctx.db, customer.id, customer.lastActivityAt ?? customer.lostAt),
    visitId: null,
    at,
  });
};

/**
 * A visit from a customer who was lost, or lapsed past their rhythm, wins them back: recorded on
 * their timeline with how long they were away and whether the shop had reached out meanwhile.
 * A visit logged for a day before they lapsed (or before they were marked lost) is not a return.
 */
export const noteReturnVisit = (
  ctx: StatusContext,
  zone: string,
  visit: { id: string; customerId: string; occurredAt: string },
  before: { lapsesOn: string | null; lostAt: string | null },
): CustomerStatusEvent | null => {
  const localDayOf = localDayFinder(zone);
  const visitDay = localDayOf(visit.occurredAt);
  const fromLost = before.lostAt !== null && visit.occurredAt >= before.lostAt;
  const fromLapsed = before.lapsesOn !== null && visitDay >= before.lapsesOn;
  if (!fromLost && !fromLapsed) return null;
  const previous = previousActivityAt(ctx.db, visit.customerId, visit.id, visit.occurredAt);
  return recordEvent(ctx, {
    customerId: visit.customerId,
    kind: 'won_back',
    reason: null,
    note: '',
    from: fromLost ? 'lost' : 'lapsed',
    daysAway: previous === null ? null : daysBetween(localDayOf(previous), visitDay),
    afterAttempt: previous !== null && hasAttemptSince(ctx.db, visit.customerId, previous),
    visitId: visit.id,
    at: visit.occurredAt,
  });
};

/**
 * Takes back a standing change (by hand, or because the visit that made it was archived). The
 * customer's lost state follows in the write's derived pass (electron/core/derive).
 */
export const undoStatusEvent = (ctx: Pick<HandlerContext, 'db' | 'now'>, eventId: string): void => {
  archiveStatusEvent(ctx.db, eventId, ctx.now().toISOString());
};

/** A visit archived as a mistake takes its "won back" with it. */
export const undoReturnOfVisit = (ctx: Pick<HandlerContext, 'db' | 'now'>, visitId: string): void => {
  for (const eventId of statusEventIdsOfVisit(ctx.db, visitId)) undoStatusEvent(ctx, eventId);
};
