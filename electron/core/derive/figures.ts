import type { Db } from '../db/connection';
import { beginLoyaltyPassInSteps, keepClosedMonths, monthRecounts, rebuildAllLoyalty, rebuildLoyaltyChunk, recountMonths, refreshCustomersLoyalty } from '../loyalty';
import { writeActivityOf, writeActivityOfAll, writeActivityOfRange } from './activity-queries';
import type { DeriveEnvironment } from './environment';
import { rebuildAllLapse, refreshLapseOf, refreshLapseOfRange } from './lapse';
import { refreshCustomersValue } from '../value';
import { writeLostStateOf, writeLostStateOfAll, writeLostStateOfRange } from './lost-queries';
import type { CustomerChunk } from './scope';

/**
 * One derived figure: what it is computed from, where it is kept, and its two ways of being made —
 * an incremental update for the customers a write touched, and a full rebuild of the whole book.
 * Both must leave the same rows (test/unit/derive-property.test.ts checks it on random histories).
 */
export interface DerivedFigure {
  name: string;
  /** The facts, settings and earlier figures it reads. */
  inputs: readonly string[];
  /** The tables and columns it writes. */
  keeps: readonly string[];
  /**
   * What besides the facts the stored figure was worked out from (rules, zone, the day, the
   * version of its rule). When it differs from what was stored, this figure and every figure
   * after it are rebuilt. Bump `version` when a rule in shared/ changes meaning.
   */
  basis(environment: DeriveEnvironment): unknown;
  update(db: Db, customerIds: readonly string[], environment: DeriveEnvironment): void;
  /** `basisChanged`: the basis differs from the stored one (a new day, new rules), not only the facts. */
  rebuild(db: Db, environment: DeriveEnvironment, basisChanged: boolean): void;
  /**
   * The same rebuild made in steps (the worker's pass, which lets the counter's writes in
   * between; steps.ts): this book-wide part first, then `rebuildChunk` (or `update`) for every
   * customer chunk by chunk, then `bookSteps`. Without them a figure is rebuilt by `update` alone.
   */
  beginSteps?(db: Db, environment: DeriveEnvironment, basisChanged: boolean): void;
  /**
   * One chunk of customers of the rebuild made in steps, by the rebuild's own statements over the
   * chunk's range of ids, where they make a chunk for less than `update` does. Without it a chunk
   * is made by `update`.
   */
  rebuildChunk?(db: Db, chunk: CustomerChunk, environment: DeriveEnvironment): void;
  /** Book-wide work after every customer was brought up to date, each in a short transaction of its own. */
  bookSteps?(db: Db, environment: DeriveEnvironment): (() => void)[];
  /**
   * Book-wide upkeep after every write, whoever it touched (a walk-in touches no customer): for a
   * figure kept per month rather than per customer. Not part of a pass, whose steps rebuild it.
   */
  afterEachWrite?(db: Db, environment: DeriveEnvironment): void;
}

const activity: DerivedFigure = {
  name: 'activity',
  inputs: ['visits', 'imported_histories', 'customers.created_at'],
  keeps: ['customers.first_visit_at', 'customers.last_visit_at', 'customers.last_contact_at', 'customers.visit_count', 'customers.revenue_minor', 'customers.last_seen_at'],
  basis: () => ({ version: 2 }),
  update: (db, customerIds) => writeActivityOf(db, customerIds),
  rebuild: (db) => {
    writeActivityOfAll(db);
  },
  rebuildChunk: (db, chunk) => writeActivityOfRange(db, chunk),
};

const lostState: DerivedFigure = {
  name: 'lost-state',
  inputs: ['customer_status_events'],
  keeps: ['customers.lost_at', 'customers.lost_reason'],
  basis: () => ({ version: 1 }),
  update: (db, customerIds) => writeLostStateOf(db, customerIds),
  rebuild: (db) => {
    writeLostStateOfAll(db);
  },
  rebuildChunk: (db, chunk) => writeLostStateOfRange(db, chunk),
};

const rhythmAndLapse: DerivedFigure = {
  name: 'rhythm-and-lapse',
  inputs: ['visits', 'imported_histories', 'activity', 'lapse rules', 'shop time zone'],
  keeps: ['customers.visit_rhythm_days', 'customers.lapses_on'],
  basis: (environment) => ({ version: 2, lapse: environment.lapse }),
  update: (db, customerIds, environment) => refreshLapseOf(db, customerIds, environment.lapse),
  rebuild: (db, environment) => {
    rebuildAllLapse(db, environment.lapse);
  },
  rebuildChunk: (db, chunk, environment) => refreshLapseOfRange(db, chunk, environment.lapse),
};

const loyalty: DerivedFigure = {
  name: 'loyalty',
  inputs: ['visits (trailing year)', "imported_histories (the trailing year's part)", 'satisfaction_answers', 'complaints', 'referral_rewards', 'activity', 'rhythm-and-lapse', 'lost-state', 'tier rules', 'the shop day'],
  keeps: ['customer_loyalty', 'loyalty_tier_history (months ended)', 'state loyalty.cutoffs', 'state loyalty.month'],
  // A new day moves the trailing year: the full pass runs once a day, and the cut-offs with it.
  // Version 2: imported histories count their trailing year's part (books made before are tiered again).
  basis: (environment) => ({ version: 2, day: environment.today, zone: environment.loyalty.zone, rules: environment.loyalty.rules }),
  update: (db, customerIds, environment) => refreshCustomersLoyalty(db, customerIds, environment.loyalty),
  // The money cut-offs are the day's: drawn again only when the day or the rules change.
  rebuild: (db, environment, basisChanged) => {
    rebuildAllLoyalty(db, environment.loyalty, basisChanged);
  },
  beginSteps: (db, environment, basisChanged) => beginLoyaltyPassInSteps(db, environment.loyalty, basisChanged),
  // The rebuild's statement for a chunk, in place of the per-customer update's nine reads and a write per row.
  rebuildChunk: (db, chunk, environment) => rebuildLoyaltyChunk(db, chunk, environment.loyalty),
};

/** The value figure's name: the value fit records it as made (derive/value-fit-job.ts). */
export const valueFigureName = 'value';

const value: DerivedFigure = {
  name: valueFigureName,
  inputs: ['visits (one a shop day)', 'imported_histories', 'the fitted value model', 'value horizon and discount', 'the shop day'],
  keeps: ['customer_loyalty.value_probability_alive', 'customer_loyalty.value_expected_visits', 'customer_loyalty.value_spend_per_visit_minor', 'customer_loyalty.value_lifetime_minor'],
  // Predictions are measured to today under the model in force: a new day, a new fit or a new horizon remakes them all.
  basis: (environment) => ({ version: 1, day: environment.today, ...environment.value }),
  update: (db, customerIds, environment) => refreshCustomersValue(db, customerIds, environment.pricing),
  rebuild: (db, environment) => refreshCustomersValue(db, null, environment.pricing),
  rebuildChunk: (db, chunk, environment) => refreshCustomersValue(db, chunk, environment.pricing),
};

const monthFigures: DerivedFigure = {
  name: 'month-figures',
  inputs: ['visits', 'activity (first visits)', 'customers.archived_at', 'referrals', 'shop time zone', 'the shop month'],
  keeps: ['visit_month_figures (every closed month; the current one once a dashboard read it)'],
  // Which months are closed moves with the month and the zone. Version 2: closed months are kept
  // by the derived data, not only once a dashboard read them. Version 3: each keeps its referred
  // first-timers too (migration 031 forgot the months kept without them).
  basis: (environment) => ({ version: 3, zone: environment.reminders.zone, month: environment.today.slice(0, 7) }),
  // Per month, not per customer: kept up by afterEachWrite.
  update: () => undefined,
  // The triggers of migrations 010 and 031 forget a month as its visits, first visits or first-timers'
  // referrals change; a closed month is counted again right after the write, the current one when the
  // dashboard next reads it.
  afterEachWrite: (db, environment) => keepClosedMonths(db, environment.reminders.zone, environment.now),
  rebuild: (db, environment) => recountMonths(db, environment.reminders.zone, environment.now),
  bookSteps: (db, environment) => monthRecounts(db, environment.reminders.zone, environment.now),
};

/**
 * Every derived figure, in the order they are made: each reads only facts and the figures before
 * it. This list is the one place that order is decided.
 */
export const derivedFigures: readonly DerivedFigure[] = [activity, lostState, rhythmAndLapse, loyalty, value, monthFigures];
