import type { CustomerLoyalty, CustomerValueFigures, LapseState, SegmentCustomer } from '../../../shared/contract/loyalty';
import type { Quadrant } from '../../../shared/loyalty/quadrant';
import type { SignalPoints } from '../../../shared/loyalty/signal';
import type { MoneyCutoffs, Tier, TierRules } from '../../../shared/loyalty/tiers';
import { rfmFigures } from '../../../shared/loyalty/value';
import type { DbCustomerRow } from '../customers';
import type { DbLoyaltyRow } from './queries';
import type { DbSegmentRow } from './segment-queries';

export const lapseStateOf = (row: { lost_at: string | null; lapses_on: string | null }, today: string): LapseState => {
  if (row.lost_at !== null) return 'lost';
  return row.lapses_on !== null && row.lapses_on <= today ? 'lapsed' : 'active';
};

export const toSegmentCustomer = (row: DbSegmentRow, today: string): SegmentCustomer => ({
  id: row.id,
  name: row.name,
  phones: row.phones === null ? [] : (JSON.parse(row.phones) as string[]),
  tier: (row.tier ?? 'small') as Tier,
  quadrant: row.quadrant as Quadrant | null,
  lapse: lapseStateOf(row, today),
  lastVisitAt: row.last_visit_at,
  revenue12mMinor: row.revenue_12m_minor ?? 0,
});

export interface LoyaltyFacts {
  customer: DbCustomerRow;
  row: DbLoyaltyRow | null;
  rank: number | null;
  cutoffs: MoneyCutoffs | null;
  rules: TierRules;
  value: CustomerValueFigures;
  now: Date;
  /** The shop's time zone: recency counts the shop's calendar days. */
  zone: string;
}

/** A customer never recomputed (just created) reads as Small with no points, as the full pass would make them. */
export const toCustomerLoyalty = ({ customer, row, rank, cutoffs, rules, value, now, zone }: LoyaltyFacts): CustomerLoyalty => {
  const revenue12m = row?.revenue_12m_minor ?? 0;
  const visits12m = row?.visits_12m ?? 0;
  return {
    customerId: customer.id,
    tier: (row?.tier ?? 'small') as Tier,
    moneyTier: (row?.money_tier ?? 'small') as Tier,
    lift: row === null ? 0 : Math.max(0, ['key', 'major', 'regular', 'small'].indexOf(row.money_tier) - ['key', 'major', 'regular', 'small'].indexOf(row.tier)),
    points: row?.points ?? 0,
    signals: row === null ? [] : (JSON.parse(row.signals_json) as SignalPoints[]),
    revenue12mMinor: revenue12m,
    visits12m,
    rank,
    cutoffs,
    rules,
    satisfaction: row?.satisfaction ?? null,
    loyalty: row?.loyalty ?? 0,
    quadrant: (row?.quadrant ?? null) as Quadrant | null,
    value,
    rfm: rfmFigures(customer.last_visit_at, now, zone, visits12m, revenue12m),
    computedAt: row?.computed_at ?? now.toISOString(),
  };
};
