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
});
export type Settings = z.output<typeof settingsShape>;

export const settingsContract = {
  'settings-get': handler({
    input: z.strictObject({}),
    output: returns<Settings>(),
    access: 'staff',
    mutates: false,
  }),
  'settings-update': handler({
    input: settingsShape.partial(),
    output: returns<Settings>(),
    access: 'owner',
    mutates: true,
  }),
} as const;
