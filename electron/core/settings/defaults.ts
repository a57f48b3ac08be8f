import type { Settings } from '../../../shared/contract/settings';
import { resolveLanguage, shopDefaultsFor } from '../../../shared/locale';
import { systemTimeZone } from '../../../shared/time';

/** What a new book starts with: the computer's language decides currency and phone country. */
export const initialSettings = (systemLocales: readonly string[]): Settings => {
  const { currency, country } = shopDefaultsFor(resolveLanguage(systemLocales));
  return { shopName: '', currency, country, timeZone: systemTimeZone(), language: null, autoLockMinutes: 5 };
};
