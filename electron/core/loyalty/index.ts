// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Loyalty: tier rules and settings, the incremental and full loyalty passes, kept months. */
export { keepClosedMonths, monthRecounts, recountMonths } from './dashboard/month-figures';
export { referralShareOfLastMonths } from './dashboard/referral-share';
export { beginLoyaltyPassInSteps, rebuildAllLoyalty, rebuildLoyaltyChunk, refreshCustomersLoyalty } from './derive';
export type { LoyaltyEnvironment } from './derive';
export { putTierHistoryMonth } from './queries';
export { loyaltyRecords } from './records';
export { readLoyaltySettings, tierRulesOf } from './settings';
