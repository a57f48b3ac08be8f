import { reminderSettingsFields, type ReminderSettings } from '../../../shared/contract/reminders';
import type { LapseRules } from '../../../shared/reminders/rhythm';
import { isTimeZone, systemTimeZone } from '../../../shared/time';
import type { Db } from '../db/connection';
import { readStoredReminderSettings, readStoredTimeZone } from './settings-queries';

/** What a book starts with: a call three days after a first visit, birthdays three days ahead, lapsed past twice their rhythm. */
export const defaultReminderSettings: ReminderSettings = {
  followUpDays: 3,
  followUpFirstVisit: true,
  followUpMinAmountMinor: null,
  birthdayLeadDays: 3,
  lapseMultiplier: 2,
  lapseMinDays: 14,
  lapseMaxDays: 365,
  lapseMinVisits: 3,
  lapseFallbackDays: 60,
  winBackWindowDays: 60,
  winBackRetryDays: 3,
};

/** Stored values over the defaults; a stored value that no longer fits its schema falls back to its default. */
export const readReminderSettings = (db: Db): ReminderSettings => {
  const stored = readStoredReminderSettings(db);
  const settings = { ...defaultReminderSettings };
  for (const key of Object.keys(reminderSettingsFields.shape) as (keyof ReminderSettings)[]) {
    const parsed = reminderSettingsFields.shape[key].safeParse(stored[key]);
    if (parsed.success) Object.assign(settings, { [key]: parsed.data });
  }
  if (settings.lapseMinDays > settings.lapseMaxDays) {
    settings.lapseMinDays = defaultReminderSettings.lapseMinDays;
    settings.lapseMaxDays = defaultReminderSettings.lapseMaxDays;
  }
  return settings;
};

export const lapseRulesOf = (settings: ReminderSettings): LapseRules => ({
  multiplier: settings.lapseMultiplier,
  minDays: settings.lapseMinDays,
  maxDays: settings.lapseMaxDays,
  minVisits: settings.lapseMinVisits,
  fallbackDays: settings.lapseFallbackDays,
});

/**
 * The shop's time zone, read on its own: every visit write needs it, and reading it alone is much
 * cheaper than all the shop settings. Falls back as the shop settings do (the computer's zone).
 */
export const shopTimeZone = (db: Db): string => {
  const stored = readStoredTimeZone(db);
  return typeof stored === 'string' && isTimeZone(stored) ? stored : systemTimeZone();
};

/** What generation and lapse detection work from, read once per write. */
export interface ReminderEnvironment {
  zone: string;
  settings: ReminderSettings;
}

export const reminderEnvironment = (db: Db): ReminderEnvironment => ({ zone: shopTimeZone(db), settings: readReminderSettings(db) });
