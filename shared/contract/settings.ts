import { z } from 'zod';
import { languages } from '../locale';
import { limits } from '../limits';
import { handler, returns } from './define';
import { timeZone } from './fields';

const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'invalid_choice').refine((code) => {
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return true;
  } catch {
    return false;
  }
}, 'invalid_choice');

const countryCode = z.string().regex(/^[A-Z]{2}$/, 'invalid_choice');

/** The shop's settings; every key has a default so an empty book is fully configured. */
export const settingsShape = z.strictObject({
  shopName: z.string().trim().max(limits.shopName),
  currency: currencyCode,
  /** Decides how phone numbers typed without "+" are read. */
  country: countryCode,
  timeZone,
  /** Null: follow the system language. */
  language: z.enum(languages).nullable(),
  /** An unlocked owner is locked again after this many minutes without using the app. */
  autoLockMinutes: z.int().min(1).max(240),
  /**
   * The owner chose the country (at setup, or since): set by the core, never sent. A book set up
   * before setup asked keeps the country its computer suggested, so the owner is asked once.
   */
  regionConfirmed: z.boolean(),
});
export type Settings = z.output<typeof settingsShape>;
/** What the owner may change; saving a country is choosing it. */
export const settingsChanges = settingsShape.omit({ regionConfirmed: true }).partial();
export type SettingsChanges = z.output<typeof settingsChanges>;

export const settingsContract = {
  'settings-get': handler({
    input: z.strictObject({}),
    output: returns<Settings>(),
    access: 'staff',
    mutates: false,
  }),
  'settings-update': handler({
    input: settingsChanges,
    output: returns<Settings>(),
    access: 'owner',
    mutates: true,
  }),
} as const;
