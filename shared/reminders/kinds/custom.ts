import { fill, type Messages } from '../../i18n/messages';
import { customerLink, type ReminderKind } from '../kind';

const en = {
  label: 'Custom',
  forCustomer: '{{customer}}: {{note}}',
};
const zhHant: Messages<typeof en> = {
  label: '自訂提醒',
  forCustomer: '{{customer}}：{{note}}',
};
const zhHans: Messages<typeof en> = {
  label: '自定义提醒',
  forCustomer: '{{customer}}：{{note}}',
};
const texts = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

/** A reminder a person wrote: the note is the whole message, after the customer's name when it is about one. */
export const customKind: ReminderKind = {
  name: 'custom',
  label: { en: en.label, 'zh-Hant': zhHant.label, 'zh-Hans': zhHans.label },
  title: ({ language, customerName, note }) => (customerName === null ? note : fill(texts[language].forCustomer, { customer: customerName, note })),
  link: customerLink,
  onCallList: true,
};
