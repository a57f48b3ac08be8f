import { localDay } from '../../../shared/time';
import type { Db } from '../db/connection';
import { type LoyaltyEnvironment, readLoyaltySettings, tierRulesOf } from '../loyalty';
import { lapseRulesOf, reminderEnvironment, type ReminderEnvironment } from '../reminders';
import type { LapseContext } from './lapse';
import { latestValueFit, valueHorizonOf } from '../value';
import type { ValueHorizon } from '../../../shared/loyalty/value-model/customer-value';

/** Everything besides the facts that derived figures are worked out from, read once per write. */
export interface DeriveEnvironment {
  now: Date;
  /** The shop-local day it is now. */
  today: string;
  reminders: ReminderEnvironment;
  lapse: LapseContext;
  loyalty: LoyaltyEnvironment;
  /** The value model in force (its fit's id; null before the first fit) and the horizon it is priced over. */
  value: { fitId: string | null; horizon: ValueHorizon };
}

export const deriveEnvironment = (db: Db, now: Date): DeriveEnvironment => {
  const reminders = reminderEnvironment(db);
  return {
    now,
    today: localDay(now, reminders.zone),
    reminders,
    lapse: { rules: lapseRulesOf(reminders.settings), zone: reminders.zone },
    loyalty: { rules: tierRulesOf(readLoyaltySettings(db)), zone: reminders.zone, now },
    value: { fitId: latestValueFit(db)?.id ?? null, horizon: valueHorizonOf(db) },
  };
};
