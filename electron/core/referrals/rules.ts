import { defaultReferralRules, referralRulesFields, type ReferralRules } from '../../../shared/contract/referrals';
import type { Db } from '../db/connection';
import { readStoredReferralRules } from './rules-queries';

/** Stored values over the defaults; a stored value that no longer fits its schema falls back to its default. */
export const readReferralRules = (db: Db): ReferralRules => {
  const stored = readStoredReferralRules(db);
  const rules = { ...defaultReferralRules };
  for (const key of Object.keys(referralRulesFields.shape) as (keyof ReferralRules)[]) {
    const parsed = referralRulesFields.shape[key].safeParse(stored[key]);
    if (parsed.success) Object.assign(rules, { [key]: parsed.data });
  }
  return rules;
};
