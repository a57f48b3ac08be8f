import { z } from 'zod';
import { limits } from '../limits';
import { quadrants, type Quadrant } from '../loyalty/quadrant';
import type { SignalPoints } from '../loyalty/signal';
import { tiers, type MoneyCutoffs, type Tier, type TierRules } from '../loyalty/tiers';
import type { RfmFigures } from '../loyalty/value';
import type { SimpleReason, ValueModel } from '../loyalty/value-model/customer-value';
import type { ParetoPoint } from '../loyalty/pareto';
import { handler, returns } from './define';
import { id, optionalText, pageLimit, satisfactionLevel, type SatisfactionLevel } from './fields';

export interface SatisfactionAnswer {
  id: string;
  customerId: string;
  level: SatisfactionLevel;
  source: 'visit' | 'complaint' | 'standalone';
  answeredAt: string;
  note: string;
}

/** Everything the profile needs to explain a customer's tier, quadrant and value (owner only: it is money). */
export interface CustomerLoyalty {
  customerId: string;
  tier: Tier;
  moneyTier: Tier;
  /** Steps the non-monetary points lifted the tier by. */
  lift: number;
  points: number;
  signals: SignalPoints[];
  revenue12mMinor: number;
  visits12m: number;
  /** 1 = the biggest spender of the last twelve months; null for a customer who spent nothing in them. */
  rank: number | null;
  cutoffs: MoneyCutoffs | null;
  rules: TierRules;
  /** 0–3, the average of the latest answers; null when never asked. */
  satisfaction: number | null;
  /** 0–1. */
  loyalty: number;
  quadrant: Quadrant | null;
  value: CustomerValueFigures;
  rfm: RfmFigures;
  computedAt: string;
}

/** The fit of the value models in force, as the profile explains it. */
export interface ValueFitInfo {
  fittedAt: string;
  /** 'simple': too little history for the models; the shop's averages stand in, and the screen says so. */
  basis: ValueModel['kind'];
  simpleBecause: SimpleReason | null;
  customers: number;
  repeatCustomers: number;
  /** The fewest repeat customers the models are fitted on. */
  minimumRepeatCustomers: number;
  horizonYears: number;
  /** 0.1 for 10% a year; 0 when future visits are not discounted. */
  annualDiscountRate: number;
}

/** A customer's predicted value with the inputs it came from (visit days, not visits: at most one a day). */
export interface CustomerValueFigures {
  /** Null before the first fit (it runs in the background soon after the app starts). */
  fit: ValueFitInfo | null;
  /** Null for a customer with no visit yet: there is nothing to predict from. */
  inputs: { visitDays: number; daysSinceFirstVisit: number; daysSinceLastVisit: number; averageSpendMinor: number } | null;
  /** 0–1; null with one visit day (the model sees a customer leave only after a return visit) or under the simple estimate. */
  probabilityAlive: number | null;
  expectedVisitsNextYear: number | null;
  expectedSpendPerVisitMinor: number | null;
  lifetimeValueMinor: number | null;
}

export const lapseStates = ['active', 'lapsed', 'lost'] as const;
export type LapseState = (typeof lapseStates)[number];

/** Who is behind a chart segment; each filter narrows, none is required. */
export const segmentFilter = z.strictObject({
  tier: z.enum(tiers).nullable().default(null),
  quadrant: z.enum(quadrants).nullable().default(null),
  lapse: z.enum(lapseStates).nullable().default(null),
  interest: z.string().trim().max(limits.tag).nullable().default(null),
});
export type SegmentFilter = z.output<typeof segmentFilter>;

export interface SegmentCustomer {
  id: string;
  name: string;
  phones: string[];
  tier: Tier;
  quadrant: Quadrant | null;
  lapse: LapseState;
  lastVisitAt: string | null;
  revenue12mMinor: number;
}

export interface Segment {
  total: number;
  customers: SegmentCustomer[];
  /** The interest tags in the book, most common first, for the filter. */
  interests: string[];
}

/** A month of the shop's calendar, YYYY-MM. */
export const monthField = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'invalid_date');

/** The longest range the dashboard draws at once: five years of months. */
export const dashboardMaxMonths = 60;

/** The most sections one dashboard read may name (the dashboard has seven). */
export const dashboardMaxSections = 16;

/** How a series is drawn and on which axis; `segment` is who a click on it shows. */
export interface ChartSeries {
  key: string;
  draw: 'bar' | 'line';
  axis: 'count' | 'money' | 'share';
  stack?: string;
  segment?: Partial<SegmentFilter>;
}

export interface PeriodRow {
  /** YYYY-MM. */
  period: string;
  values: Record<string, number | null>;
}

export interface MatrixCell {
  /** Satisfaction 0–3 and loyalty 0–1, rounded to the cell's centre. */
  satisfaction: number;
  loyalty: number;
  customers: number;
  quadrant: Quadrant;
}

/** The few shapes of chart the dashboard knows; a section picks one. */
export type ChartData =
  | { shape: 'pareto'; points: ParetoPoint[]; spenders: number; top20RevenueShare: number; revenueMinor: number }
  | { shape: 'periods'; series: ChartSeries[]; rows: PeriodRow[] }
  | { shape: 'matrix'; cells: MatrixCell[]; quadrants: Record<Quadrant, number>; unanswered: number };

export interface DashboardSection {
  /** The section's name in shared/loyalty/sections.ts (its title and labels). */
  name: string;
  /** True when there is nothing to draw: the card shows its empty state instead. */
  empty: boolean;
  data: ChartData;
}

export interface Dashboard {
  fromMonth: string;
  toMonth: string;
  sections: DashboardSection[];
}

/** The shop's tier and value rules; changing them recomputes every tier at once. */
export const loyaltySettingsFields = z.strictObject({
  keyShare: z.number().min(0.01).max(0.5),
  majorShare: z.number().min(0.02).max(0.8),
  regularShare: z.number().min(0.05).max(1),
  pointsPerLift: z.int().min(1).max(20),
  maxLift: z.int().min(0).max(3),
  /** The years of future visits the lifetime value counts (its horizon). */
  remainingYears: z.number().min(0.5).max(50),
  /** The yearly rate future years' visits are discounted at, in percent; 0 counts them at face value. */
  valueDiscountPercent: z.number().min(0).max(50),
});
export const loyaltySettingsShape = loyaltySettingsFields.superRefine((rules, context) => {
  if (rules.keyShare >= rules.majorShare) {
    context.addIssue({ code: 'too_big', origin: 'number', maximum: rules.majorShare, inclusive: false, input: rules.keyShare, path: ['keyShare'] });
  }
  if (rules.majorShare >= rules.regularShare) {
    context.addIssue({ code: 'too_big', origin: 'number', maximum: rules.regularShare, inclusive: false, input: rules.majorShare, path: ['majorShare'] });
  }
});
export type LoyaltySettings = z.output<typeof loyaltySettingsFields>;

export const loyaltyContract = {
  /** A satisfaction answer asked on its own (not with a visit): anyone at the counter. */
  'satisfaction-record': handler({
    input: z.strictObject({
      customerId: id,
      level: satisfactionLevel,
      note: optionalText(limits.visitNote),
      staffId: id.nullable().default(null),
    }),
    output: returns<SatisfactionAnswer>(),
    access: 'staff',
    mutates: true,
  }),
  'loyalty-customer': handler({
    input: z.strictObject({ id }),
    output: returns<CustomerLoyalty>(),
    access: 'owner',
    mutates: false,
  }),
  'loyalty-dashboard': handler({
    input: z.strictObject({
      fromMonth: monthField,
      toMonth: monthField,
      /**
       * The sections to read, by name (null: every one), answered in the dashboard's order: the
       * screen asks for the 80/20 curve, whose first read of a range walks every visit, apart and
       * after the others, and draws those while the core reads it.
       */
      sections: z.array(z.string().min(1).max(64)).min(1).max(dashboardMaxSections).nullable().default(null),
    }),
    output: returns<Dashboard>(),
    access: 'owner',
    mutates: false,
  }),
  'loyalty-segment': handler({
    input: segmentFilter.extend({ offset: z.int().min(0).default(0), limit: pageLimit.default(100) }),
    output: returns<Segment>(),
    access: 'owner',
    mutates: false,
  }),
  'loyalty-settings-get': handler({
    input: z.strictObject({}),
    output: returns<LoyaltySettings>(),
    access: 'owner',
    mutates: false,
  }),
  'loyalty-settings-update': handler({
    input: loyaltySettingsFields.partial(),
    output: returns<LoyaltySettings>(),
    access: 'owner',
    mutates: true,
  }),
  /** Fits the value models to the book now, in the job worker (it also runs daily and after imports and restores). */
  'loyalty-value-fit': handler({
    input: z.strictObject({}),
    output: returns<ValueFitInfo>(),
    access: 'owner',
    mutates: true,
  }),
  /** Every tier and quadrant again from the book (after an import, or to check). */
  'loyalty-recompute': handler({
    input: z.strictObject({}),
    output: returns<{ customers: number }>(),
    access: 'owner',
    mutates: true,
  }),
} as const;
