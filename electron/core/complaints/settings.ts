import { complaintSettingsFields, type ComplaintSettings } from '../../../shared/contract/complaints';
import type { OpeningHours, Severity } from '../../../shared/complaints/deadlines';
import { defaultCompensationLimitMinor } from '../../../shared/complaints/compensation-limit';
import type { Db } from '../db/connection';
import { readSection, readSectionField, type SettingsSection, shopSettings, writeSection } from '../settings';

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

/** The complaint rules' section of the settings store: "complaints.<field>"; a shop closing before it opens gets the default hours. */
const complaintSettingsSection: SettingsSection<typeof complaintSettingsFields> = {
  prefix: 'complaints.',
  fields: complaintSettingsFields,
  // Until the owner sets a limit, it is one that means something in the shop's currency.
  defaults: (db) => ({
    ...defaultComplaintSettings,
    compensationLimitMinor: defaultCompensationLimitMinor(readSectionField(db, shopSettings, 'currency') ?? shopSettings.defaults(db).currency),
  }),
  reconcile: (settings, defaults) => {
    if (settings.closesAt <= settings.opensAt) Object.assign(settings, { opensAt: defaults.opensAt, closesAt: defaults.closesAt });
  },
};

export const readComplaintSettings = (db: Db): Readonly<ComplaintSettings> => readSection(db, complaintSettingsSection);

export const writeComplaintSettings = (db: Db, changes: Partial<ComplaintSettings>): void => writeSection(db, complaintSettingsSection, changes);

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
