import type { HandlerContext } from '../context';
import { ensureLapseCurrent, refreshCustomerLapse, type LapseContext } from '../lapse/derive';
import { lapseRow } from '../lapse/queries';
import { currentSettings } from '../settings/current';
import { noteReturnVisit, undoReturnOfVisit } from '../winback/status';
import { generateReminders } from './engine';
import { lapseRulesOf, readReminderSettings } from './settings';

/**
 * The small calls other features make after their writes, inside the same transaction, so each
 * customer's rhythm, lapse day, standing and reminders are current the moment the write commits.
 */

type HookContext = Pick<HandlerContext, 'db' | 'now' | 'session'>;

export const lapseContextOf = (ctx: Pick<HandlerContext, 'db'>): LapseContext => ({
  rules: lapseRulesOf(readReminderSettings(ctx.db)),
  zone: currentSettings(ctx).timeZone,
});

/** A visit or contact was logged for a customer: it resets their lapse, may win them back, and may raise a follow-up. */
export const afterVisitLogged = (ctx: HookContext, visit: { id: string; customerId: string; kind: 'visit' | 'contact'; occurredAt: string }): void => {
  const before = lapseRow(ctx.db, visit.customerId);
  refreshCustomerLapse(ctx.db, visit.customerId, lapseContextOf(ctx));
  if (visit.kind === 'visit' && before !== null) noteReturnVisit(ctx, visit, { lapsesOn: before.lapses_on, lostAt: before.lost_at });
  generateReminders(ctx, { customerIds: [visit.customerId] });
};

/** A visit or contact was archived as a mistake: everything it caused is taken back. */
export const afterVisitArchived = (ctx: HookContext, visit: { id: string; customerId: string }): void => {
  undoReturnOfVisit(ctx, visit.id, visit.customerId);
  refreshCustomerLapse(ctx.db, visit.customerId, lapseContextOf(ctx));
  generateReminders(ctx, { customerIds: [visit.customerId] });
};

/** A customer was created, edited, archived or restored (their birthday, their staff member, whether they are in play). */
export const afterCustomerChanged = (ctx: HookContext, customerId: string): void => {
  generateReminders(ctx, { customerIds: [customerId] });
};

/** The shop's time zone decides every lapse day and due day: a change of zone recomputes them all. */
export const afterShopSettingsChanged = (ctx: HookContext): void => {
  if (ensureLapseCurrent(ctx.db, lapseContextOf(ctx))) generateReminders(ctx);
};

/** At start: catch up on rule or zone changes the book has not seen, then on the days the app was closed. */
export const prepareReminders = (ctx: Pick<HandlerContext, 'db' | 'now'>): void => {
  ensureLapseCurrent(ctx.db, lapseContextOf(ctx));
  generateReminders(ctx);
};
