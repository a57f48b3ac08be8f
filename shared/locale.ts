export const languages = ['zh-Hant', 'zh-Hans', 'en'] as const;
export type Language = (typeof languages)[number];

const traditionalRegions = new Set(['TW', 'HK', 'MO']);

/** Maps one BCP 47 tag to a supported language, or null when none fits. */
export const languageOf = (tag: string): Language | null => {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag);
  } catch {
    return null;
  }
  if (locale.language === 'en') return 'en';
  if (locale.language !== 'zh') return null;
  const maximized = locale.maximize();
  if (maximized.script === 'Hant' || traditionalRegions.has(maximized.region ?? '')) return 'zh-Hant';
  return 'zh-Hans';
};

/** First launch follows the system: the first preferred language we support, English otherwise. */
export const resolveLanguage = (preferred: readonly string[]): Language => {
  for (const tag of preferred) {
    const language = languageOf(tag);
    if (language) return language;
  }
  return 'en';
};

/** Sensible shop defaults for a language, used until the owner sets them. */
export const shopDefaultsFor = (language: Language): { currency: string; country: string } => {
  switch (language) {
    case 'zh-Hant':
      return { currency: 'TWD', country: 'TW' };
    case 'zh-Hans':
      return { currency: 'CNY', country: 'CN' };
    default:
      return { currency: 'USD', country: 'US' };
  }
};
