import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { errorMessages } from '../../../shared/i18n/errors';
import { transferMessages } from '../../../shared/i18n/transfer';
import { languages, resolveLanguage, type Language } from '../../../shared/locale';
import { archiveMessages } from '../features/archive/i18n';
import { auditMessages } from '../features/audit/i18n';
import { authMessages } from '../features/auth/i18n';
import { counterMessages } from '../features/counter/i18n';
import { complaintsMessages } from '../features/complaints/i18n';
import { conflictsMessages } from '../features/conflicts/i18n';
import { customersMessages } from '../features/customers/i18n';
import { loyaltyMessages } from '../features/loyalty/i18n';
import { mergeMessages } from '../features/merge/i18n';
import { referralsMessages } from '../features/referrals/i18n';
import { remindersMessages } from '../features/reminders/i18n';
import { dataMessages } from '../features/data/i18n';
import { devicesMessages } from '../features/devices/i18n';
import { settingsMessages } from '../features/settings/i18n';
import { commonMessages } from './locales/common';

/** Each feature owns a namespace; all three languages are bundled, so switching is instant. */
const namespaces = {
  common: commonMessages,
  errors: errorMessages,
  customers: customersMessages,
  counter: counterMessages,
  settings: settingsMessages,
  auth: authMessages,
  audit: auditMessages,
  merge: mergeMessages,
  archive: archiveMessages,
  reminders: remindersMessages,
  data: dataMessages,
  transfer: transferMessages,
  complaints: complaintsMessages,
  loyalty: loyaltyMessages,
  referrals: referralsMessages,
  conflicts: conflictsMessages,
  devices: devicesMessages,
};

export const resources = Object.fromEntries(
  languages.map((language) => [
    language,
    Object.fromEntries(Object.entries(namespaces).map(([namespace, catalog]) => [namespace, catalog[language]])),
  ]),
);

export const systemLanguage = (): Language => resolveLanguage(navigator.languages);

void i18next.use(initReactI18next).init({
  resources,
  lng: systemLanguage(),
  fallbackLng: 'en',
  defaultNS: 'common',
  ns: Object.keys(namespaces),
  interpolation: { escapeValue: false },
  returnNull: false,
});

export const applyLanguage = (language: Language): void => {
  if (i18next.language !== language) void i18next.changeLanguage(language);
  document.documentElement.lang = language;
};

export { i18next };
