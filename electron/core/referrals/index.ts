// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Referrals: links and rewards for other features' writes, rules, overview counts and export rows. */
export { countReferralsForExport, countRewardsForExport, exportReferralRows, exportRewardRows } from './export-queries';
export type { DbExportReferral } from './export-queries';
export { importReferrerLink } from './import-writer';
export { toReferralReward } from './present';
export { insertReward, rewardRowsOf, upsertReferral } from './queries';
export type { DbRewardRow } from './queries';
export { referralsRecords } from './records';
export { settleReward } from './rewards';
export { referralRulesSet, writeReferralRules } from './rules';
