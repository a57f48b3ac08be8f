import { defaultReferralRules, referralRulesFields, type ReferralRules } from '../../../shared/contract/referrals';
import type { Db } from '../db/connection';
import { isSectionStored, readSection, type SettingsSection, writeSection } from '../settings';

/** The reward rules' section of the settings store: "referrals.<field>". */
const referralRulesSection: SettingsSection<typeof referralRulesFields> = {
  prefix: 'referrals.',
  fields: referralRulesFields,
  defaults: () => defaultReferralRules,
};

export const readReferralRules = (db: Db): Readonly<ReferralRules> => readSection(db, referralRulesSection);

/** False while the book runs on the default rules (the owner never set any). */
export const referralRulesSet = (db: Db): boolean => isSectionStored(db, referralRulesSection);

export const writeReferralRules = (db: Db, changes: Partial<ReferralRules>): void => writeSection(db, referralRulesSection, changes);
