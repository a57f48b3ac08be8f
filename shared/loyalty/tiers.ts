/**
 * Value tiers (營業額排位法 combined with 非貨幣價值排位法): customers are ranked by their revenue over
 * the trailing twelve months, the top shares of that ranking make the money tier, and non-monetary
 * points (a steady rhythm, years with the shop, satisfaction, referrals…) can lift a customer up.
 * Pure functions: the core stores the result and the profile explains it.
 */

export const tiers = ['key', 'major', 'regular', 'small'] as const;
export type Tier = (typeof tiers)[number];

export interface TierRules {
  /** Top share of spending customers that are Key (e.g. 0.05: the top 5%). */
  keyShare: number;
  /** Top share that is Key or Major: the classic 20 of 80/20. */
  majorShare: number;
  /** Top share that is at least Regular; the rest are Small. */
  regularShare: number;
  /** Every this many non-monetary points lifts the tier one step… */
  pointsPerLift: number;
  /** …but never more than this many steps above what the money says. */
  maxLift: number;
}

export const defaultTierRules: TierRules = { keyShare: 0.05, majorShare: 0.2, regularShare: 0.5, pointsPerLift: 3, maxLift: 1 };

/** The trailing-12-month revenue a customer needs to reach each money tier; null: nobody spent anything. */
export interface MoneyCutoffs {
  key: number;
  major: number;
  regular: number;
  /** How many customers spent something in the window: the ranking's length. */
  spenders: number;
}

/** The revenue of the customer at a rank position (1-based), from revenues sorted high to low. */
const revenueAtShare = (descending: readonly number[], share: number): number => {
  const position = Math.max(1, Math.ceil(descending.length * share));
  return descending[Math.min(descending.length, position) - 1] ?? 0;
};

/** Cut-offs from every spending customer's revenue, sorted high to low (zeros left out). */
export const moneyCutoffs = (descending: readonly number[], rules: TierRules): MoneyCutoffs | null => {
  if (descending.length === 0) return null;
  return {
    key: revenueAtShare(descending, rules.keyShare),
    major: revenueAtShare(descending, rules.majorShare),
    regular: revenueAtShare(descending, rules.regularShare),
    spenders: descending.length,
  };
};

/** Ties at a cut-off share its tier: two customers who spent the same are never told apart. */
export const moneyTier = (revenueMinor: number, cutoffs: MoneyCutoffs | null): Tier => {
  if (cutoffs === null || revenueMinor <= 0) return 'small';
  if (revenueMinor >= cutoffs.key) return 'key';
  if (revenueMinor >= cutoffs.major) return 'major';
  if (revenueMinor >= cutoffs.regular) return 'regular';
  return 'small';
};

export interface TierDecision {
  tier: Tier;
  moneyTier: Tier;
  /** Steps the points lifted the tier by (0 when the points were too few or it was already Key). */
  lift: number;
}

export const liftTier = (fromMoney: Tier, points: number, rules: TierRules): TierDecision => {
  const wanted = rules.pointsPerLift > 0 ? Math.min(rules.maxLift, Math.floor(Math.max(0, points) / rules.pointsPerLift)) : 0;
  const index = tiers.indexOf(fromMoney);
  const lifted = Math.max(0, index - wanted);
  return { tier: tiers[lifted] ?? fromMoney, moneyTier: fromMoney, lift: index - lifted };
};

export const decideTier = (revenueMinor: number, points: number, cutoffs: MoneyCutoffs | null, rules: TierRules): TierDecision =>
  liftTier(moneyTier(revenueMinor, cutoffs), points, rules);
