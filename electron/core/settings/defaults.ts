import type { Settings } from '../../../shared/contract/settings';
import { resolveLanguage, shopDefaultsFor } from '../../../shared/locale';
import { countryOfLocales, regionDefaults } from '../../../shared/region';
import { systemTimeZone } from '../../../shared/time';

/**
 * What a new book starts with, until setup asks: the computer's locale decides the country
 * (zh-TW → Taiwan), and the country the currency and the phone prefix. The zone stays the
 * computer's own until setup, which proposes one in the chosen country.
 */
export const initialSettings = (systemLocales: readonly string[]): Settings => {
  const country = countryOfLocales(systemLocales) ?? shopDefaultsFor(resolveLanguage(systemLocales)).country;
  const { currency } = regionDefaults(country, systemTimeZone());
  return { shopName: '', currency, country, timeZone: systemTimeZone(), language: null, autoLockMinutes: 5, regionConfirmed: false };
};
