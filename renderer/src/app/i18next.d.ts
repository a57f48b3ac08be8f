import 'i18next';
import type { errorMessages } from '../../../shared/i18n/errors';
import type { transferMessages } from '../../../shared/i18n/transfer';
import type { counterMessages } from '../features/counter/i18n';
import type { customersMessages } from '../features/customers/i18n';
import type { dataMessages } from '../features/data/i18n';
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
      data: (typeof dataMessages)['en'];
      transfer: (typeof transferMessages)['en'];
    };
  }
}
