import { describe, expect, it } from 'vitest';
import { paretoCurve, revenueShareOfTop, sumOfFirst } from '../../shared/loyalty/pareto';
import { loyaltyScore, quadrantOf, satisfactionScore } from '../../shared/loyalty/quadrant';
import { decideTier, defaultTierRules, liftTier, moneyCutoffs, moneyTier } from '../../shared/loyalty/tiers';
import { rfmFigures } from '../../shared/loyalty/value';

/** Twenty spenders: 2000, 1900, … 100 (hand-checked sums below). */
const twenty = Array.from({ length: 20 }, (_, index) => (20 - index) * 100);

describe('tiers from the trailing-year ranking', () => {
  it('cuts the ranking at the top 5%, 20% and 50% of spenders', () => {
    // 5% of 20 = 1st (2000); 20% = 4th (1700); 50% = 10th (1100).
    expect(moneyCutoffs(twenty, defaultTierRules)).toEqual({ key: 2000, major: 1700, regular: 1100, spenders: 20 });
  });

  it('always has at least one Key customer, and nobody without spending', () => {
    expect(moneyCutoffs([500], defaultTierRules)).toEqual({ key: 500, major: 500, regular: 500, spenders: 1 });
    expect(moneyCutoffs([], defaultTierRules)).toBeNull();
    expect(moneyTier(1000, null)).toBe('small');
    expect(moneyTier(0, { key: 0, major: 0, regular: 0, spenders: 3 })).toBe('small');
  });

  it('places each spender by the cut-offs; ties share a tier', () => {
    const cutoffs = moneyCutoffs(twenty, defaultTierRules);
    expect([2000, 1900, 1700, 1600, 1100, 1000, 100].map((revenue) => moneyTier(revenue, cutoffs))).toEqual([
      'key',
      'major',
      'major',
      'regular',
      'regular',
      'small',
      'small',
    ]);
    const tied = moneyCutoffs([900, 900, 900, 900, 100], defaultTierRules);
    expect(moneyTier(900, tied)).toBe('key');
  });

  it('lifts a tier by non-monetary points, one step per three points, at most one step', () => {
    expect(liftTier('small', 2, defaultTierRules)).toEqual({ tier: 'small', moneyTier: 'small', lift: 0 });
    expect(liftTier('small', 3, defaultTierRules)).toEqual({ tier: 'regular', moneyTier: 'small', lift: 1 });
    expect(liftTier('regular', 9, defaultTierRules)).toEqual({ tier: 'major', moneyTier: 'regular', lift: 1 });
    expect(liftTier('key', 9, defaultTierRules)).toEqual({ tier: 'key', moneyTier: 'key', lift: 0 });
    expect(liftTier('small', 6, { ...defaultTierRules, maxLift: 2 })).toEqual({ tier: 'major', moneyTier: 'small', lift: 2 });
    expect(decideTier(1000, 4, moneyCutoffs(twenty, defaultTierRules), defaultTierRules).tier).toBe('regular');
  });
});

describe('the satisfaction × loyalty matrix', () => {
  it('averages the latest five answers', () => {
    expect(satisfactionScore([])).toBeNull();
    expect(satisfactionScore([3, 2])).toBe(2.5);
    expect(satisfactionScore([0, 0, 3, 3, 3, 3, 3])).toBeCloseTo(1.8);
  });

  it('weighs repeat visits 60% and loyalty points 40%, halved while lapsed', () => {
    expect(loyaltyScore({ visits12m: 6, loyaltyPoints: 3, lapsed: false })).toBe(1);
    expect(loyaltyScore({ visits12m: 3, loyaltyPoints: 0, lapsed: false })).toBeCloseTo(0.3);
    expect(loyaltyScore({ visits12m: 12, loyaltyPoints: 1, lapsed: true })).toBeCloseTo((0.6 + 0.4 / 3) / 2);
  });

  it('names the four quadrants, and none without an answer', () => {
    expect(quadrantOf(2.5, 0.8)).toBe('apostle');
    expect(quadrantOf(1, 0.2)).toBe('mercenary');
    expect(quadrantOf(0.4, 0.5)).toBe('hostage');
    expect(quadrantOf(0, 0.1)).toBe('destroyer');
    expect(quadrantOf(null, 1)).toBeNull();
  });
});

describe('RFM', () => {
  it('gives recency in the shop’s calendar days', () => {
    expect(rfmFigures('2026-03-01T10:00:00.000Z', new Date('2026-03-10T09:00:00.000Z'), 'UTC', 4, 5000)).toEqual({ recencyDays: 9, frequency12m: 4, monetary12mMinor: 5000 });
    // Counted on the shop's calendar: 23:30 the evening before is yesterday in Taipei, though not 24 hours ago.
    expect(rfmFigures('2026-03-09T15:30:00.000Z', new Date('2026-03-10T02:00:00.000Z'), 'Asia/Taipei', 1, 100).recencyDays).toBe(1);
    expect(rfmFigures(null, new Date(), 'UTC', 0, 0).recencyDays).toBeNull();
  });
});

describe('the Pareto curve', () => {
  it('runs from 0 to 100% through the exact running shares', () => {
    // Total 21,000; the top 4 (20%) bring 2000+1900+1800+1700 = 7,400.
    expect(revenueShareOfTop(twenty, 0.2)).toBeCloseTo(7400 / 21000);
    const curve = paretoCurve(twenty, 5);
    expect(curve.map((point) => point.customerShare)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(curve[1]?.revenueShare).toBeCloseTo(7400 / 21000);
    expect(curve.at(-1)?.revenueShare).toBe(1);
  });

  it('reads the same from a typed array as from a list (the dashboard ranks its spenders in one)', () => {
    const typed = Float64Array.from(twenty);
    expect(paretoCurve(typed, 5)).toEqual(paretoCurve(twenty, 5));
    expect(revenueShareOfTop(typed, 0.2)).toBe(revenueShareOfTop(twenty, 0.2));
    expect(sumOfFirst(typed, 4)).toBe(7400);
  });

  it('is empty when nobody spent anything', () => {
    expect(paretoCurve([])).toEqual([]);
    expect(revenueShareOfTop([], 0.2)).toBe(0);
  });
});
