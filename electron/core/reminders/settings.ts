import { reminderSettingsFields, type ReminderSettings } from '../../../shared/contract/reminders';
import type { LapseRules } from '../../../shared/reminders/rhythm';
import type { Db } from '../db/connection';
import { readSection, readSectionField, type SettingsSection, shopSettings, writeSection } from '../settings';

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

/** The reminder rules' section of the settings store: "reminders.<field>"; a shortest lapse over the longest gets the default pair. */
const reminderSettingsSection: SettingsSection<typeof reminderSettingsFields> = {
  prefix: 'reminders.',
  fields: reminderSettingsFields,
  defaults: () => defaultReminderSettings,
  reconcile: (settings, defaults) => {
    if (settings.lapseMinDays > settings.lapseMaxDays) Object.assign(settings, { lapseMinDays: defaults.lapseMinDays, lapseMaxDays: defaults.lapseMaxDays });
  },
};

export const readReminderSettings = (db: Db): Readonly<ReminderSettings> => readSection(db, reminderSettingsSection);

export const writeReminderSettings = (db: Db, changes: Partial<ReminderSettings>): void => writeSection(db, reminderSettingsSection, changes);

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
export const shopTimeZone = (db: Db): string => readSectionField(db, shopSettings, 'timeZone') ?? shopSettings.defaults(db).timeZone;

/** What generation and lapse detection work from, read once per write. */
export interface ReminderEnvironment {
  zone: string;
  settings: Readonly<ReminderSettings>;
}

export const reminderEnvironment = (db: Db): ReminderEnvironment => ({ zone: shopTimeZone(db), settings: readReminderSettings(db) });
