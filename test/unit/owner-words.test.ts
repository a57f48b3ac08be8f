import { describe, expect, it } from 'vitest';
import { errorMessages } from '../../shared/i18n/errors';
import { transferMessages } from '../../shared/i18n/transfer';
import { vocabulary } from '../../shared/i18n/vocabulary';
import { dashboardSectionKinds } from '../../shared/loyalty/sections';
import { languages } from '../../shared/locale';
import { commonMessages } from '../../renderer/src/app/locales/common';
import { archiveMessages } from '../../renderer/src/features/archive/i18n';
import { auditMessages } from '../../renderer/src/features/audit/i18n';
import { authMessages } from '../../renderer/src/features/auth/i18n';
import { complaintsMessages } from '../../renderer/src/features/complaints/i18n';
import { counterMessages } from '../../renderer/src/features/counter/i18n';
import { customersMessages } from '../../renderer/src/features/customers/i18n';
import { dataMessages } from '../../renderer/src/features/data/i18n';
import { loyaltyMessages } from '../../renderer/src/features/loyalty/i18n';
import { mergeMessages } from '../../renderer/src/features/merge/i18n';
import { referralsMessages } from '../../renderer/src/features/referrals/i18n';
import { remindersMessages } from '../../renderer/src/features/reminders/i18n';
import { settingsMessages } from '../../renderer/src/features/settings/i18n';

const catalogues = {
  common: commonMessages,
  errors: errorMessages,
  transfer: transferMessages,
  archive: archiveMessages,
  audit: auditMessages,
  auth: authMessages,
  complaints: complaintsMessages,
  counter: counterMessages,
  customers: customersMessages,
  data: dataMessages,
  loyalty: loyaltyMessages,
  merge: mergeMessages,
  referrals: referralsMessages,
  reminders: remindersMessages,
  settings: settingsMessages,
};

/** Every text of every screen in one language, with where it is declared. */
const texts = (language: (typeof languages)[number]): [string, string][] => {
  const found: [string, string][] = [];
  const walk = (value: unknown, where: string) => {
    if (typeof value === 'string') found.push([where, value]);
    else if (value !== null && typeof value === 'object') for (const [key, inner] of Object.entries(value)) walk(inner, `${where}.${key}`);
  };
  for (const [name, catalogue] of Object.entries(catalogues)) walk(catalogue[language], name);
  for (const [name, section] of Object.entries(dashboardSectionKinds)) walk(section[language], `dashboard.${name}`);
  return found;
};

describe('the words a shop owner reads', () => {
  it.each(languages)('%s: no screen tells the owner to run a developer’s command', (language) => {
    expect(texts(language).filter(([, text]) => /\bnpm\b|\bcli --|npx /.test(text))).toEqual([]);
  });

  it('a café’s missing oat milk is a missing product, not a missing software feature (功能)', () => {
    for (const language of ['zh-Hant', 'zh-Hans'] as const) {
      const words = vocabulary[language];
      expect(words.complaintCategories.missing_product).not.toMatch(/功能/);
      expect(words.lostReasons.missing_feature).not.toMatch(/功能/);
    }
  });

  it('Key and Major read apart in Chinese: 核心客戶 and 主要客戶, never 大客戶 beside 主要客戶', () => {
    expect(vocabulary['zh-Hant'].tiers).toMatchObject({ key: '核心客戶', major: '主要客戶' });
    expect(vocabulary['zh-Hans'].tiers).toMatchObject({ key: '核心客户', major: '主要客户' });
    for (const language of ['zh-Hant', 'zh-Hans'] as const) {
      expect(texts(language).filter(([, text]) => /大客[戶户]/.test(text))).toEqual([]);
    }
  });
});
