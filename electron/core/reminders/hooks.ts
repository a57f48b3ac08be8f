import { settleMissedPromises } from '../complaints/promises';
import type { HandlerContext } from '../context';
import { ensureLapseCurrent, rebuildAllLapse, refreshCustomerLapse, type LapseContext } from '../lapse/derive';
import { lapseRow } from '../lapse/queries';
import { ensureLoyaltyCurrent, loyaltyEnvironment, rebuildAllLoyalty, refreshCustomersLoyalty } from '../loyalty/derive';
import { customKind } from '../../../shared/reminders/kinds/custom';
import { refreshCustomersValue } from '../value/fit';
import { noteReturnVisit, undoReturnOfVisit } from '../winback/status';
import { generateIfStale, generateReminders } from './engine';
import { obsoleteRemindersOf, refreshAssignees, reopenManualRemindersOf } from './queries';
import { lapseRulesOf, reminderEnvironment, type ReminderEnvironment } from './settings';

/**
 * The small calls other features make after their writes, inside the same transaction, so each
 * customer's rhythm, lapse day, standing and reminders are current the moment the write commits.
 */

type HookContext = Pick<HandlerContext, 'db' | 'now' | 'session'>;

/**
 * Tier and quadrant follow the customers' lapse, visits and signals, and Destroyers get their
 * reminder: after lapse, before reminders. Their predicted value follows their visits under the
 * value model in force (after the tier pass, which makes the row it is kept on).
 */
export const refreshLoyalty = (ctx: Pick<HandlerContext, 'db' | 'now'>, ...customerIds: string[]): void => {
  refreshCustomersLoyalty(ctx.db, customerIds, loyaltyEnvironment(ctx.db, ctx.now()));
  refreshCustomersValue(ctx.db, customerIds, ctx.now());
};

export const lapseContextOf = (environment: ReminderEnvironment): LapseContext => ({ rules: lapseRulesOf(environment.settings), zone: environment.zone });

/** A visit or contact was logged for a customer: it resets their lapse, may win them back, and may raise a follow-up. */
export const afterVisitLogged = (ctx: HookContext, visit: { id: string; customerId: string; kind: 'visit' | 'contact'; occurredAt: string }): void => {
  const environment = reminderEnvironment(ctx.db);
  const before = lapseRow(ctx.db, visit.customerId);
  refreshCustomerLapse(ctx.db, visit.customerId, lapseContextOf(environment));
  if (visit.kind === 'visit' && before !== null) noteReturnVisit(ctx, environment.zone, visit, { lapsesOn: before.lapses_on, lostAt: before.lost_at });
  refreshLoyalty(ctx, visit.customerId);
  generateReminders(ctx, { customerIds: [visit.customerId] }, environment);
};

/** A visit or contact was archived as a mistake: everything it caused is taken back. */
export const afterVisitArchived = (ctx: HookContext, visit: { id: string; customerId: string }): void => {
  const environment = reminderEnvironment(ctx.db);
  undoReturnOfVisit(ctx, visit.id, visit.customerId);
  refreshCustomerLapse(ctx.db, visit.customerId, lapseContextOf(environment));
  refreshLoyalty(ctx, visit.customerId);
  generateReminders(ctx, { customerIds: [visit.customerId] }, environment);
};

/** A visit or contact came back into the book (restored from the archive, or moved here by a merge). */
export const afterVisitRestored = (ctx: HookContext, visit: { customerId: string }): void => {
  const environment = reminderEnvironment(ctx.db);
  refreshCustomerLapse(ctx.db, visit.customerId, lapseContextOf(environment));
  refreshLoyalty(ctx, visit.customerId);
  generateReminders(ctx, { customerIds: [visit.customerId] }, environment);
};

/** Visits written in bulk (an import, a restore of a backup): every rhythm, lapse day and reminder, in one pass each. */
export const afterBulkVisits = (ctx: Pick<HandlerContext, 'db' | 'now'>): void => {
  const environment = reminderEnvironment(ctx.db);
  rebuildAllLapse(ctx.db, lapseContextOf(environment), { rhythms: true });
  rebuildAllLoyalty(ctx.db, loyaltyEnvironment(ctx.db, ctx.now()));
  generateReminders(ctx, {}, environment);
};

/**
 * A customer was created, edited, archived or restored: their birthday, their staff member and
 * whether they are in play decide their reminders. An archived customer has no open reminder.
 */
export const afterCustomerChanged = (ctx: HookContext, customerId: string): void => {
  const at = ctx.now().toISOString();
  refreshLoyalty(ctx, customerId);
  if (lapseRow(ctx.db, customerId)?.archived_at) {
    obsoleteRemindersOf(ctx.db, customerId, at);
    return;
  }
  reopenManualRemindersOf(ctx.db, customerId, customKind.name, at);
  refreshAssignees(ctx.db, customerId, at);
  generateReminders(ctx, { customerIds: [customerId] });
};

/** The shop's time zone decides every lapse day and due day: a change of zone recomputes them all. */
export const afterShopSettingsChanged = (ctx: HookContext): void => {
  const environment = reminderEnvironment(ctx.db);
  const lapseChanged = ensureLapseCurrent(ctx.db, lapseContextOf(environment));
  if (ensureLoyaltyCurrent(ctx.db, ctx.now()) || lapseChanged) generateReminders(ctx, {}, environment);
};

/** A customer was marked lost or won back (or that was undone): lost counts against loyalty. */
export const afterStandingChanged = (ctx: HookContext, customerId: string): void => {
  refreshLoyalty(ctx, customerId);
  generateReminders(ctx, { customerIds: [customerId] });
};

/**
 * Referral rewards of these referrers were earned, given or voided: their referral points (and so
 * tier and quadrant) and their reminders to hand rewards over follow.
 */
export const afterRewardsChanged = (ctx: Pick<HandlerContext, 'db' | 'now'>, referrerIds: readonly string[]): void => {
  if (referrerIds.length === 0) return;
  refreshLoyalty(ctx, ...referrerIds);
  generateReminders(ctx, { customerIds: [...referrerIds] });
};

/** A satisfaction answer was recorded on its own: the satisfaction axis, tier points and green channel follow. */
export const afterSatisfactionAnswered = (ctx: HookContext, customerId: string): void => {
  refreshLoyalty(ctx, customerId);
  generateReminders(ctx, { customerIds: [customerId] });
};

/** At start: catch up on rule or zone changes the book has not seen, then on the days the app was closed. */
export const prepareReminders = (ctx: Pick<HandlerContext, 'db' | 'now'>): void => {
  // Complaint promises missed while the app was closed are recorded broken (at their deadlines) first.
  settleMissedPromises(ctx.db, ctx.now());
  const environment = reminderEnvironment(ctx.db);
  const lapseChanged = ensureLapseCurrent(ctx.db, lapseContextOf(environment));
  // After lapse (tiers read the lapse days); a new day moves the trailing year, so the full pass runs daily.
  const loyaltyChanged = ensureLoyaltyCurrent(ctx.db, ctx.now());
  if (lapseChanged || loyaltyChanged) generateReminders(ctx, {}, environment);
  else generateIfStale(ctx, environment);
};
