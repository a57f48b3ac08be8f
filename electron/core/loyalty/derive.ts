import { loyaltySignalKind } from '../../../shared/loyalty/signals';
import type { SignalPoints } from '../../../shared/loyalty/signal';
import { loyaltyScore, quadrantOf, satisfactionScore, satisfactionWindow } from '../../../shared/loyalty/quadrant';
import { decideTier, moneyCutoffs, type MoneyCutoffs, type TierRules } from '../../../shared/loyalty/tiers';
import { localDay, startOfLocalDay } from '../../../shared/time';
import type { Db } from '../db/connection';
import { shopTimeZone } from '../reminders';
import { beginFullLoyaltyPass, writeChunkRows } from './full-pass-queries';
import { readStateValue, writeStateValue } from '../settings';
import {
  latestLevels,
  liveSpendingDescending,
  loyaltyCustomers,
  loyaltyRows,
  recordTierMonth,
  removeArchivedLoyalty,
  removeLoyaltyRow,
  revenue12m,
  signalRows,
  writeLoyaltyRow,
  type DbLoyaltyCustomer,
  type DbLoyaltyRow,
} from './queries';
import { readLoyaltySettings, tierRulesOf } from './settings';
import type { SignalParameters } from './signal-source';
import { loyaltySignalSources } from './signals';

/**
 * Each customer's tier and quadrant, derived from their trailing-year visits, satisfaction answers
 * and loyalty signals. Declared as a derived figure in electron/core/derive/figures.ts: the
 * customers a write touched are recomputed against the money cut-offs of the last full pass;
 * everyone in one set-based pass when the day turns over (the trailing year moves) or the rules change.
 */

const cutoffsKey = 'loyalty.cutoffs';
/** The month the rows in customer_loyalty were computed in: its tier counts are recorded when the next month's first pass begins. */
const rowsMonthKey = 'loyalty.month';
const yearMs = 365 * 86_400_000;

export interface LoyaltyEnvironment {
  rules: TierRules;
  zone: string;
  now: Date;
}

export const loyaltyEnvironment = (db: Db, now: Date): LoyaltyEnvironment => ({ rules: tierRulesOf(readLoyaltySettings(db)), zone: shopTimeZone(db), now });

/**
 * The figures are those of the shop's day, not of the hour: the trailing year and tenure are
 * measured from the start of today, so a full pass later in the day finds what the writes of the
 * morning left (and the daily pass moves them on).
 */
const parametersOf = (environment: LoyaltyEnvironment): SignalParameters => {
  const today = localDay(environment.now, environment.zone);
  const dayStart = Date.parse(startOfLocalDay(today, environment.zone));
  return { today, now: new Date(dayStart).toISOString(), since: new Date(dayStart - yearMs).toISOString() };
};

const signalsFor = (db: Db, parameters: SignalParameters, ids: readonly string[] | null): Map<string, SignalPoints[]> => {
  const byCustomer = new Map<string, SignalPoints[]>();
  for (const source of loyaltySignalSources) {
    for (const row of signalRows(db, source, parameters, ids)) {
      if (row.points === 0) continue;
      const list = byCustomer.get(row.customer_id) ?? [];
      list.push({ signal: source.name, points: row.points, facts: JSON.parse(row.facts) as SignalPoints['facts'] });
      byCustomer.set(row.customer_id, list);
    }
  }
  return byCustomer;
};

interface Inputs {
  revenue: Map<string, { revenue: number; visits: number }>;
  levels: Map<string, number[]>;
  signals: Map<string, SignalPoints[]>;
  previous: Map<string, DbLoyaltyRow>;
}

const rowFor = (customer: DbLoyaltyCustomer, inputs: Inputs, cutoffs: MoneyCutoffs | null, environment: LoyaltyEnvironment, today: string): DbLoyaltyRow => {
  const spent = inputs.revenue.get(customer.id) ?? { revenue: 0, visits: 0 };
  const signals = inputs.signals.get(customer.id) ?? [];
  const points = signals.reduce((sum, signal) => sum + signal.points, 0);
  const loyaltyPoints = signals.filter((signal) => loyaltySignalKind(signal.signal)?.axis === 'loyalty').reduce((sum, signal) => sum + signal.points, 0);
  const decision = decideTier(spent.revenue, points, cutoffs, environment.rules);
  const satisfaction = satisfactionScore(inputs.levels.get(customer.id) ?? []);
  const lapsed = customer.lost_at !== null || (customer.lapses_on !== null && customer.lapses_on <= today);
  const loyalty = loyaltyScore({ visits12m: spent.visits, loyaltyPoints, lapsed });
  const quadrant = quadrantOf(satisfaction, loyalty);
  const before = inputs.previous.get(customer.id);
  return {
    customer_id: customer.id,
    revenue_12m_minor: spent.revenue,
    visits_12m: spent.visits,
    money_tier: decision.moneyTier,
    points,
    tier: decision.tier,
    signals_json: JSON.stringify(signals),
    satisfaction,
    loyalty: Math.round(loyalty * 1000) / 1000,
    quadrant,
    quadrant_since: quadrant === null ? null : before?.quadrant === quadrant ? (before.quadrant_since ?? today) : today,
    computed_at: environment.now.toISOString(),
  };
};

/** Whether anything but the time of computing changed: unchanged rows are not written again. */
const sameRow = (a: DbLoyaltyRow, b: DbLoyaltyRow | undefined): boolean =>
  b !== undefined &&
  a.revenue_12m_minor === b.revenue_12m_minor &&
  a.visits_12m === b.visits_12m &&
  a.money_tier === b.money_tier &&
  a.points === b.points &&
  a.tier === b.tier &&
  a.signals_json === b.signals_json &&
  a.satisfaction === b.satisfaction &&
  a.loyalty === b.loyalty &&
  a.quadrant === b.quadrant &&
  a.quadrant_since === b.quadrant_since;

const readCutoffs = (db: Db): MoneyCutoffs | null => {
  const stored = readStateValue(db, cutoffsKey);
  return stored !== null && typeof stored === 'object' && 'key' in stored ? (stored as MoneyCutoffs) : null;
};

export const storedCutoffs = readCutoffs;

/** Recomputes some customers after a write that concerns them, against the cut-offs of the day's full pass. */
export const refreshCustomersLoyalty = (db: Db, customerIds: readonly string[], environment: LoyaltyEnvironment): void => {
  const parameters = parametersOf(environment);
  const inputs: Inputs = {
    revenue: revenue12m(db, parameters.since, customerIds),
    levels: latestLevels(db, satisfactionWindow, customerIds),
    signals: signalsFor(db, parameters, customerIds),
    previous: loyaltyRows(db, customerIds),
  };
  const cutoffs = readCutoffs(db);
  const customers = loyaltyCustomers(db, customerIds);
  for (const customer of customers) {
    const row = rowFor(customer, inputs, cutoffs, environment, parameters.today);
    const stored = inputs.previous.get(customer.id);
    if (!sameRow(row, stored)) writeLoyaltyRow(db, row, stored);
  }
  // An archived (or purged) customer keeps no tier.
  const present = new Set(customers.map((customer) => customer.id));
  for (const id of customerIds) if (!present.has(id) && inputs.previous.has(id)) removeLoyaltyRow(db, id);
};

/**
 * A month's tier counts are those it ended with: when the first full pass of a later month begins,
 * the rows as the last month left them are counted into its history. The current month is never
 * stored (the dashboard counts it live), so no write has to keep a stored count in step with the
 * rows — a merge, whose absorbed customer's row goes with the customer, could not.
 */
const closeRowsMonth = (db: Db, month: string): void => {
  const rowsMonth = readStateValue(db, rowsMonthKey);
  if (typeof rowsMonth === 'string' && rowsMonth < month) recordTierMonth(db, rowsMonth);
  writeStateValue(db, rowsMonthKey, month);
};

/**
 * The book-wide beginning of a pass made in steps (the worker's pass, which lets the counter's
 * writes in between): the month the rows were of is closed, the day's cut-offs drawn again when
 * the day or rules changed, archived customers' rows removed. The customers then follow chunk by
 * chunk through `rebuildLoyaltyChunk`, against these cut-offs — what `rebuildAllLoyalty` does
 * in one statement (the derive property holds the two equal).
 */
export const beginLoyaltyPassInSteps = (db: Db, environment: LoyaltyEnvironment, renewCutoffs: boolean): void => {
  const parameters = parametersOf(environment);
  closeRowsMonth(db, parameters.today.slice(0, 7));
  if (renewCutoffs) {
    writeStateValue(db, cutoffsKey, moneyCutoffs(liveSpendingDescending(db, parameters.since), environment.rules));
  }
  removeArchivedLoyalty(db);
};

/**
 * One chunk of customers of the pass in steps (those whose ids lie from `first` to `last`), after
 * `beginLoyaltyPassInSteps`: their rows made as `rebuildAllLoyalty` makes everyone's, in SQL,
 * against the day's cut-offs.
 */
export const rebuildLoyaltyChunk = (db: Db, range: { first: string; last: string }, environment: LoyaltyEnvironment): void => {
  writeChunkRows(db, loyaltySignalSources, parametersOf(environment), range, readCutoffs(db), environment.rules, environment.now.toISOString());
};

/**
 * Everyone's tier and quadrant in one set-based pass (closing the month the rows were of). With
 * `renewCutoffs` (a new day, new rules) the money cut-offs are drawn again from the trailing
 * year's spending; without, the day's cut-offs stand, so a pass later in the day changes nothing
 * the writes since kept current. The rows are made and compared in SQL (full-pass-queries.ts):
 * only those that differ are written.
 */
export const rebuildAllLoyalty = (db: Db, environment: LoyaltyEnvironment, renewCutoffs: boolean): { changed: number } => {
  const parameters = parametersOf(environment);
  closeRowsMonth(db, parameters.today.slice(0, 7));
  const pass = beginFullLoyaltyPass(db, loyaltySignalSources, parameters);
  // The day's cut-offs may be null (nobody had spent anything at its first pass): they stand as they are.
  const cutoffs = renewCutoffs ? moneyCutoffs(pass.spendingDescending(), environment.rules) : readCutoffs(db);
  const changed = pass.writeRows(cutoffs, environment.rules, environment.now.toISOString());
  removeArchivedLoyalty(db);
  writeStateValue(db, cutoffsKey, cutoffs);
  return { changed };
};
