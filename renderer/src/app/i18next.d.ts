import 'i18next';
import type { errorMessages } from '../../../shared/i18n/errors';
import type { transferMessages } from '../../../shared/i18n/transfer';
import type { archiveMessages } from '../features/archive/i18n';
import type { auditMessages } from '../features/audit/i18n';
import type { authMessages } from '../features/auth/i18n';
import type { counterMessages } from '../features/counter/i18n';
import type { complaintsMessages } from '../features/complaints/i18n';
import type { conflictsMessages } from '../features/conflicts/i18n';
import type { customersMessages } from '../features/customers/i18n';
import type { dataMessages } from '../features/data/i18n';
import type { devicesMessages } from '../features/devices/i18n';
import type { loyaltyMessages } from '../features/loyalty/i18n';
import type { mergeMessages } from '../features/merge/i18n';
import type { referralsMessages } from '../features/referrals/i18n';
import type { remindersMessages } from '../features/reminders/i18n';
import type { settingsMessages } from '../features/settings/i18n';
import type { commonMessages } from './locales/common';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: {
      common: (typeof commonMessages)['en'];
      errors: (typeof errorMessages)['en'];
      customers: (typeof customersMessages)['en'];
      counter: (typeof counterMessages)['en'];
      settings: (typeof settingsMessages)['en'];
      auth: (typeof authMessages)['en'];
      audit: (typeof auditMessages)['en'];
      merge: (typeof mergeMessages)['en'];
      archive: (typeof archiveMessages)['en'];
      reminders: (typeof remindersMessages)['en'];
      data: (typeof dataMessages)['en'];
      transfer: (typeof transferMessages)['en'];
      complaints: (typeof complaintsMessages)['en'];
      loyalty: (typeof loyaltyMessages)['en'];
      referrals: (typeof referralsMessages)['en'];
      conflicts: (typeof conflictsMessages)['en'];
      devices: (typeof devicesMessages)['en'];
    };
  }
}
