import type { Settings } from '../../../shared/contract/settings';
import { resolveLanguage, shopDefaultsFor } from '../../../shared/locale';
import { countryOfLocales, regionDefaults } from '../../../shared/region';
import { systemTimeZone } from '../../../shared/time';

/**
 * What a new book starts with, until setup asks: the computer's locale decides the country
 * (zh-TW → Taiwan), and the country the currency, the phone prefix and — unless the computer's
 * own zone is in that country — the time zone.
 */
export const initialSettings = (systemLocales: readonly string[]): Settings => {
  const country = countryOfLocales(systemLocales) ?? shopDefaultsFor(resolveLanguage(systemLocales)).country;
  const { currency, timeZone } = regionDefaults(country, systemTimeZone());
  return { shopName: '', currency, country, timeZone, language: null, autoLockMinutes: 5 };
};
