import { complaintSettingsFields, type ComplaintSettings } from '../../../shared/contract/complaints';
import type { OpeningHours, Severity } from '../../../shared/complaints/deadlines';
import { defaultCompensationLimitMinor } from '../../../shared/complaints/compensation-limit';
import type { Db } from '../db/connection';
import { currentSettings } from '../settings/current';
import { readStoredComplaintSettings } from './settings-queries';

/** What a book starts with: an urgent complaint answered in 2 hours and settled within a day (the limit follows the currency). */
export const defaultComplaintSettings: ComplaintSettings = {
  replyHoursLow: 24,
  replyHoursMedium: 4,
  replyHoursHigh: 2,
  resolveHoursLow: 72,
  resolveHoursMedium: 48,
  resolveHoursHigh: 24,
  openingHoursOnly: false,
  opensAt: '10:00',
  closesAt: '21:00',
  openDays: [1, 2, 3, 4, 5, 6, 7],
  compensationLimitMinor: 50_000,
  followUpDays: 3,
};

/** Stored values over the defaults; a stored value that no longer fits its schema falls back to its default. */
export const readComplaintSettings = (db: Db): ComplaintSettings => {
  const stored = readStoredComplaintSettings(db);
  // Until the owner sets a limit, it is one that means something in the shop's currency.
  const settings = { ...defaultComplaintSettings, compensationLimitMinor: defaultCompensationLimitMinor(currentSettings({ db }).currency) };
  for (const key of Object.keys(complaintSettingsFields.shape) as (keyof ComplaintSettings)[]) {
    const parsed = complaintSettingsFields.shape[key].safeParse(stored[key]);
    if (parsed.success) Object.assign(settings, { [key]: parsed.data });
  }
  if (settings.closesAt <= settings.opensAt) {
    settings.opensAt = defaultComplaintSettings.opensAt;
    settings.closesAt = defaultComplaintSettings.closesAt;
  }
  return settings;
};

export const promiseHours = (settings: ComplaintSettings, severity: Severity): { reply: number; resolve: number } => {
  switch (severity) {
    case 'high':
      return { reply: settings.replyHoursHigh, resolve: settings.resolveHoursHigh };
    case 'medium':
      return { reply: settings.replyHoursMedium, resolve: settings.resolveHoursMedium };
    case 'low':
      return { reply: settings.replyHoursLow, resolve: settings.resolveHoursLow };
  }
};

export const openingHoursOf = (settings: ComplaintSettings): OpeningHours | null =>
  settings.openingHoursOnly ? { opensAt: settings.opensAt, closesAt: settings.closesAt, days: settings.openDays } : null;
