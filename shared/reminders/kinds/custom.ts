import { customerLink, type ReminderKind } from '../kind';

/** A reminder a person wrote: the note is the whole message. */
export const customKind: ReminderKind = {
  name: 'custom',
  label: { en: 'Custom', 'zh-Hant': '自訂提醒', 'zh-Hans': '自定义提醒' },
  title: ({ customerName, note }) => (customerName === null ? note : `${customerName}: ${note}`),
  link: customerLink,
  onCallList: true,
};
