import { customerLink, type ReminderKind } from '../kind';

/** A reminder a person wrote: the note is the whole message. */
export const customKind: ReminderKind = {
  name: 'custom',
  label: { en: 'Custom', 'zh-Hant': '自訂提醒', 'zh-Hans': '自定义提醒' },
  // The customer's name, then the note: Chinese takes a full-width colon, as the other kinds' titles do.
  title: ({ language, customerName, note }) => (customerName === null ? note : `${customerName}${language === 'en' ? ': ' : '：'}${note}`),
  link: customerLink,
  onCallList: true,
};
