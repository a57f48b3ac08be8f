import { localDay } from '../../../shared/time';
import type { Db } from '../db/connection';
import { readLoyaltySettings, tierRulesOf } from '../loyalty/settings';
import type { LoyaltyEnvironment } from '../loyalty/derive';
import { lapseRulesOf, reminderEnvironment, type ReminderEnvironment } from '../reminders/settings';
import type { LapseContext } from './lapse';

/** Everything besides the facts that derived figures are worked out from, read once per write. */
export interface DeriveEnvironment {
  now: Date;
  /** The shop-local day it is now. */
  today: string;
  reminders: ReminderEnvironment;
  lapse: LapseContext;
  loyalty: LoyaltyEnvironment;
}

export const deriveEnvironment = (db: Db, now: Date): DeriveEnvironment => {
  const reminders = reminderEnvironment(db);
  return {
    now,
    today: localDay(now, reminders.zone),
    reminders,
    lapse: { rules: lapseRulesOf(reminders.settings), zone: reminders.zone },
    loyalty: { rules: tierRulesOf(readLoyaltySettings(db)), zone: reminders.zone, now },
  };
};
