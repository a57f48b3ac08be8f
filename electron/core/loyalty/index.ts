// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Loyalty: tiers, points, satisfaction, signals, settings and the dashboard. */
export { recountKeptMonths } from './dashboard/month-figures';
export { rebuildAllLoyalty, refreshCustomersLoyalty } from './derive';
export type { LoyaltyEnvironment } from './derive';
export { putTierHistoryMonth } from './queries';
export { readLoyaltySettings, tierRulesOf } from './settings';
