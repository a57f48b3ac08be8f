import { useEffect, useState } from 'react';
import type { Language } from '../../../../shared/locale';

/**
 * Time zones' cities in the app's language, from CLDR (npm cldr-dates-full): Intl names a zone
 * ("台北標準時間") but not its city, and a shop owner looks for 東京 or 上海. Each language's
 * names are a chunk of their own, loaded when a time zone is first chosen.
 */

/** A branch of CLDR's zone tree (Asia → Taipei, America → Argentina → Salta); a city's leaf names it. */
interface ZoneNode {
  exemplarCity?: string;
  [segment: string]: ZoneNode | string | undefined;
}

interface TimeZoneNames {
  main: Record<string, { dates: { timeZoneNames: { zone: ZoneNode } } }>;
}

// CLDR's plain "zh" is Simplified Chinese.
const catalogues: Record<Language, { locale: string; load: () => Promise<{ default: unknown }> }> = {
  'zh-Hant': { locale: 'zh-Hant', load: () => import('cldr-dates-full/main/zh-Hant/timeZoneNames.json') },
  'zh-Hans': { locale: 'zh', load: () => import('cldr-dates-full/main/zh/timeZoneNames.json') },
  en: { locale: 'en', load: () => import('cldr-dates-full/main/en/timeZoneNames.json') },
};

const citiesIn = (node: ZoneNode, path: string, into: Map<string, string>): Map<string, string> => {
  for (const [segment, child] of Object.entries(node)) {
    if (typeof child !== 'object') continue;
    const zone = path === '' ? segment : `${path}/${segment}`;
    if (typeof child.exemplarCity === 'string') into.set(zone, child.exemplarCity);
    citiesIn(child, zone, into);
  }
  return into;
};

/** Every zone CLDR names a city for in this language, by IANA id. */
export const loadZoneCities = async (language: Language): Promise<ReadonlyMap<string, string>> => {
  const catalogue = catalogues[language];
  const names = (await catalogue.load()).default as TimeZoneNames;
  return citiesIn(names.main[catalogue.locale]?.dates.timeZoneNames.zone ?? {}, '', new Map());
};

/** CLDR's own fallback where it names no city: the id's last part, spaced ("America/Los_Angeles" → "Los Angeles"). */
export const cityOfZoneId = (zone: string): string => zone.split('/').at(-1)!.replace(/_/g, ' ');

/** The zones' cities in this language, empty until they are loaded (the ids' cities stand in meanwhile). */
export const useZoneCities = (language: Language): ReadonlyMap<string, string> => {
  const [loaded, setLoaded] = useState<{ language: Language; cities: ReadonlyMap<string, string> } | null>(null);
  useEffect(() => {
    let current = true;
    void loadZoneCities(language).then((cities) => {
      if (current) setLoaded({ language, cities });
    });
    return () => {
      current = false;
    };
  }, [language]);
  return loaded?.language === language ? loaded.cities : noCities;
};

const noCities: ReadonlyMap<string, string> = new Map();
