import { loyaltySettingsFields, type LoyaltySettings } from '../../../shared/contract/loyalty';
import { defaultTierRules, type TierRules } from '../../../shared/loyalty/tiers';
import type { Db } from '../db/connection';
import { readSection, type SettingsSection, writeSection } from '../settings';

/** 80/20 with a Key head of 5%; three points lift a customer one tier; value over three years, not discounted. */
export const defaultLoyaltySettings: LoyaltySettings = { ...defaultTierRules, remainingYears: 3, valueDiscountPercent: 0 };

/** The tier and value rules' section of the settings store: "loyalty.<field>"; shares out of order get the default three. */
const loyaltySettingsSection: SettingsSection<typeof loyaltySettingsFields> = {
  prefix: 'loyalty.',
  fields: loyaltySettingsFields,
  defaults: () => defaultLoyaltySettings,
  reconcile: (settings, defaults) => {
    if (!(settings.keyShare < settings.majorShare && settings.majorShare < settings.regularShare)) {
      Object.assign(settings, { keyShare: defaults.keyShare, majorShare: defaults.majorShare, regularShare: defaults.regularShare });
    }
  },
};

export const readLoyaltySettings = (db: Db): Readonly<LoyaltySettings> => readSection(db, loyaltySettingsSection);

export const writeLoyaltySettings = (db: Db, changes: Partial<LoyaltySettings>): void => writeSection(db, loyaltySettingsSection, changes);

export const tierRulesOf = (settings: LoyaltySettings): TierRules => ({
  keyShare: settings.keyShare,
  majorShare: settings.majorShare,
  regularShare: settings.regularShare,
  pointsPerLift: settings.pointsPerLift,
  maxLift: settings.maxLift,
});
