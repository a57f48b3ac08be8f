import countryToCurrency from 'country-to-currency';

/**
 * Codes ISO 3166 has withdrawn that the currency table still lists: AN, the Netherlands Antilles
 * (dissolved in 2010), which browsers name "Curaçao" like CW, so the list showed Curaçao twice.
 */
const withdrawnCodes = new Set(['AN']);

/** Countries and regions the app can set up a shop in: those with a currency of their own. */
export const countries: readonly string[] = Object.keys(countryToCurrency).filter((code) => /^[A-Z]{2}$/.test(code) && !withdrawnCodes.has(code));

/** Where a locale's language is spoken most, when it names no region ("en" → US, "zh-Hant" → TW). */
export const countryOfLocales = (locales: readonly string[]): string | null => {
  for (const tag of locales) {
    try {
      const region = new Intl.Locale(tag).maximize().region;
      if (region && Object.hasOwn(countryToCurrency, region)) return region;
    } catch {
      // Not a locale tag (an empty LANG, "C"): look at the next one.
    }
  }
  return null;
};

export const currencyOfCountry = (country: string): string | null =>
  Object.hasOwn(countryToCurrency, country) ? countryToCurrency[country as keyof typeof countryToCurrency] : null;

type ZoneLocale = Intl.Locale & { getTimeZones?: () => string[]; timeZones?: string[] };

/** The IANA zones in use in a country, from the platform's own data (Chromium and Node name the accessor differently). */
export const timeZonesOfCountry = (country: string): string[] => {
  const locale = new Intl.Locale(`und-${country}`) as ZoneLocale;
  return locale.getTimeZones?.() ?? locale.timeZones ?? [];
};

/** Where a country spanning several zones most often keeps shop; otherwise its one zone. */
const mainZones: Record<string, string> = {
  US: 'America/New_York',
  CA: 'America/Toronto',
  AU: 'Australia/Sydney',
  BR: 'America/Sao_Paulo',
  RU: 'Europe/Moscow',
  MX: 'America/Mexico_City',
  ID: 'Asia/Jakarta',
  CN: 'Asia/Shanghai',
  MY: 'Asia/Kuala_Lumpur',
  KZ: 'Asia/Almaty',
  ES: 'Europe/Madrid',
  PT: 'Europe/Lisbon',
  NZ: 'Pacific/Auckland',
};

/** The computer's zone when it lies in the country, else the country's main zone. */
export const timeZoneForCountry = (country: string, systemZone: string): string => {
  const zones = timeZonesOfCountry(country);
  if (zones.includes(systemZone)) return systemZone;
  return mainZones[country] ?? zones[0] ?? systemZone;
};

/** What choosing a country sets, each still changeable: its currency and a zone in it. */
export const regionDefaults = (country: string, systemZone: string): { country: string; currency: string; timeZone: string } => ({
  country,
  currency: currencyOfCountry(country) ?? 'USD',
  timeZone: timeZoneForCountry(country, systemZone),
});
