import { localDay } from '../../../shared/time';
import type { Db } from '../db/connection';
import { type LoyaltyEnvironment, readLoyaltySettings, tierRulesOf } from '../loyalty';
import { lapseRulesOf, reminderEnvironment, type ReminderEnvironment } from '../reminders';
import type { LapseContext } from './lapse';
import { latestValueFit, valueHorizonFrom, valuePricing, type ValuePricing } from '../value';
import type { ValueHorizon } from '../../../shared/loyalty/value-model/customer-value';

/** Everything besides the facts that derived figures are worked out from, read once per write. */
export interface DeriveEnvironment {
  now: Date;
  /** The shop-local day it is now. */
  today: string;
  reminders: ReminderEnvironment;
  lapse: LapseContext;
  loyalty: LoyaltyEnvironment;
  /** The value model in force (its fit's id; null before the first fit) and the horizon it is priced over: the value figure's basis. */
  value: { fitId: string | null; horizon: ValueHorizon };
  /** The same model read and parsed once per write, with the zone and now, for the predictions themselves. */
  pricing: ValuePricing;
}

export const deriveEnvironment = (db: Db, now: Date): DeriveEnvironment => {
  const reminders = reminderEnvironment(db);
  const loyaltySettings = readLoyaltySettings(db);
  const fit = latestValueFit(db);
  const pricing = valuePricing(fit, valueHorizonFrom(loyaltySettings), reminders.zone, now);
  return {
    now,
    today: localDay(now, reminders.zone),
    reminders,
    lapse: { rules: lapseRulesOf(reminders.settings), zone: reminders.zone },
    loyalty: { rules: tierRulesOf(loyaltySettings), zone: reminders.zone, now },
    value: { fitId: fit?.id ?? null, horizon: pricing.horizon },
    pricing,
  };
};
