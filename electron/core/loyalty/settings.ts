import { loyaltySettingsFields, type LoyaltySettings } from '../../../shared/contract/loyalty';
import { defaultTierRules, type TierRules } from '../../../shared/loyalty/tiers';
import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';

/** The tier and value rules live in the shop's settings table under "loyalty.<key>". */
const prefix = 'loyalty.';

/** 80/20 with a Key head of 5%; three points lift a customer one tier; value over three years, not discounted. */
export const defaultLoyaltySettings: LoyaltySettings = { ...defaultTierRules, remainingYears: 3, valueDiscountPercent: 0 };

const statements = statementsFor((db) => ({
  all: db.prepare<[string], { key: string; value: string }>("SELECT key, value FROM settings WHERE key LIKE ? || '%'"),
  put: db.prepare<[string, string]>('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
}));

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** Stored values over the defaults; a stored value that no longer fits falls back to its default. */
export const readLoyaltySettings = (db: Db): LoyaltySettings => {
  const settings = { ...defaultLoyaltySettings };
  for (const row of statements(db).all.all(prefix)) {
    const key = row.key.slice(prefix.length) as keyof LoyaltySettings;
    const field = loyaltySettingsFields.shape[key] as (typeof loyaltySettingsFields.shape)[keyof LoyaltySettings] | undefined;
    const parsed = field?.safeParse(parseJson(row.value));
    if (parsed?.success) Object.assign(settings, { [key]: parsed.data });
  }
  if (!(settings.keyShare < settings.majorShare && settings.majorShare < settings.regularShare)) {
    Object.assign(settings, { keyShare: defaultTierRules.keyShare, majorShare: defaultTierRules.majorShare, regularShare: defaultTierRules.regularShare });
  }
  return settings;
};

export const writeLoyaltySettings = (db: Db, changes: Partial<LoyaltySettings>): void => {
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) statements(db).put.run(`${prefix}${key}`, JSON.stringify(value));
  }
};

export const tierRulesOf = (settings: LoyaltySettings): TierRules => ({
  keyShare: settings.keyShare,
  majorShare: settings.majorShare,
  regularShare: settings.regularShare,
  pointsPerLift: settings.pointsPerLift,
  maxLift: settings.maxLift,
});
