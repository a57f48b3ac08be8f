import { settleBeforeReading } from '../complaints';
import { loyaltySettingsShape, type LoyaltySettings, type SatisfactionAnswer } from '../../../shared/contract/loyalty';
import type { SatisfactionLevel } from '../../../shared/contract/fields';
import { err, ok } from '../../../shared/result';
import { foldForSearch } from '../../../shared/text';
import { localDay } from '../../../shared/time';
import { toFieldIssues } from '../../../shared/validation';
import { recordAudit } from '../audit';
import { getCustomerRow } from '../customers';
import { newId } from '../db/ids';
import { inTransaction } from '../db/transaction';
import type { HandlerImpls } from '../registry';
import { afterWrite, rulesChangedInWorker } from '../derive';
import { shopTimeZone } from '../reminders';
import { resolveStaffId } from '../staff';
import { dashboardProviders } from './dashboard';
import { dashboardRange } from './dashboard/range';
import { storedCutoffs } from './derive';
import { toCustomerLoyalty, toSegmentCustomer } from './present';
import { loyaltyRowOf, spendRank } from './queries';
import { insertStandaloneAnswer } from './satisfaction-queries';
import { interestTags, segmentCount, segmentPage } from './segment-queries';
import { readLoyaltySettings, tierRulesOf, writeLoyaltySettings } from './settings';
import { customerValueFigures, latestValueFit, toValueFitInfo, valueHorizonOf } from '../value';

export const loyaltyHandlers: HandlerImpls = {
  'satisfaction-record': (ctx, input) =>
    inTransaction(ctx.db, () => {
      const customer = getCustomerRow(ctx.db, input.customerId);
      if (customer === null) return err('NOT_FOUND', { entity: 'customer', id: input.customerId });
      if (customer.archived_at !== null) return err('INVALID_STATE', { reason: 'customer_archived' });
      const staff = resolveStaffId(ctx, input.staffId);
      if (!staff.ok) return staff;
      const now = ctx.now().toISOString();
      const answer: SatisfactionAnswer = {
        id: newId(),
        customerId: input.customerId,
        level: input.level as SatisfactionLevel,
        source: 'standalone',
        answeredAt: now,
        note: input.note,
      };
      insertStandaloneAnswer(ctx.db, { id: answer.id, customer_id: answer.customerId, level: answer.level, answered_at: now, note: answer.note, staff_id: staff.value, created_at: now });
      recordAudit(ctx, { action: 'satisfaction.record', entity: 'customer', entityId: input.customerId, after: answer });
      afterWrite(ctx, { customerIds: [input.customerId] });
      return ok(answer);
    }),
  'loyalty-customer': (ctx, { id }) => {
    const customer = getCustomerRow(ctx.db, id);
    if (customer === null) return err('NOT_FOUND', { entity: 'customer', id });
    const row = loyaltyRowOf(ctx.db, id);
    const settings = readLoyaltySettings(ctx.db);
    return ok(
      toCustomerLoyalty({
        customer,
        row,
        rank: row === null ? null : spendRank(ctx.db, row.revenue_12m_minor),
        cutoffs: storedCutoffs(ctx.db),
        rules: tierRulesOf(settings),
        value: customerValueFigures(ctx.db, id, ctx.now()),
        now: ctx.now(),
        zone: shopTimeZone(ctx.db),
      }),
    );
  },
  'loyalty-dashboard': (ctx, { fromMonth, toMonth, sections: names }) => {
    const range = dashboardRange(fromMonth, toMonth, shopTimeZone(ctx.db), ctx.now(), !ctx.data.jobs.writing);
    if (!range.ok) return range;
    // The promises chart counts what was kept and broken: a promise missed since the last look is broken first.
    settleBeforeReading(ctx);
    const providers = names === null ? dashboardProviders : dashboardProviders.filter((provider) => names.includes(provider.name));
    const sections = providers.map((provider) => ({ name: provider.name, ...provider.load(ctx.db, range.value) }));
    return ok({ fromMonth, toMonth, sections });
  },
  'loyalty-segment': (ctx, { offset, limit, ...filter }) => {
    const today = localDay(ctx.now(), shopTimeZone(ctx.db));
    const interestKey = filter.interest === null || filter.interest === '' ? null : foldForSearch(filter.interest);
    return ok({
      total: segmentCount(ctx.db, filter, interestKey, today),
      customers: segmentPage(ctx.db, filter, interestKey, today, { limit, offset }).map((row) => toSegmentCustomer(row, today)),
      interests: interestTags(ctx.db),
    });
  },
  'loyalty-settings-get': (ctx) => ok(readLoyaltySettings(ctx.db)),
  /** Every tier follows the new rules at once, and the green channel with the quadrants. */
  'loyalty-settings-update': async (ctx, changes) => {
    let changed = false;
    const saved = inTransaction(ctx.db, () => {
      const before = readLoyaltySettings(ctx.db);
      const merged = loyaltySettingsShape.safeParse({ ...before, ...changes });
      if (!merged.success) return err('VALIDATION_FAILED', { issues: toFieldIssues(merged.error, changes) });
      const changedKeys = (Object.keys(changes) as (keyof LoyaltySettings)[]).filter((key) => changes[key] !== undefined && before[key] !== merged.data[key]);
      if (changedKeys.length === 0) return ok(before);
      changed = true;
      writeLoyaltySettings(ctx.db, Object.fromEntries(changedKeys.map((key) => [key, merged.data[key]])));
      recordAudit(ctx, {
        action: 'loyalty_settings.update',
        entity: 'settings',
        entityId: null,
        before: Object.fromEntries(changedKeys.map((key) => [key, before[key]])),
        after: Object.fromEntries(changedKeys.map((key) => [key, merged.data[key]])),
      });
      return ok(readLoyaltySettings(ctx.db));
    });
    if (!saved.ok || !changed) return saved;
    // Every tier follows the new rules: the pass runs as a job, off the counter's thread.
    const pass = await rulesChangedInWorker(ctx);
    return pass.ok ? saved : pass;
  },
  'loyalty-value-fit': async (ctx) => {
    const fitted = await ctx.data.jobs.run('value-fit', { bookFile: ctx.data.bookFile, now: ctx.now().toISOString() }, { cancellable: false });
    if (!fitted.ok) return fitted;
    const fit = latestValueFit(ctx.db);
    return fit === null ? err('INVALID_STATE', { reason: 'value_fit_missing' }) : ok(toValueFitInfo(fit, valueHorizonOf(ctx.db)));
  },
  'loyalty-recompute': (ctx) =>
    ctx.data.jobs.run('recompute', { bookFile: ctx.data.bookFile, now: ctx.now().toISOString(), pass: 'full' }, { cancellable: false }),
};
