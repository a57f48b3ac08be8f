import { fill, type Messages } from '../../i18n/messages';
import { textFact, type ReminderKind } from '../kind';

const en = {
  label: 'Complaint promise',
  reply: 'Reply to {{customer}}’s complaint by {{day}} {{time}}',
  resolve: 'Resolve {{customer}}’s complaint by {{day}} {{time}}',
  anonymous: 'an anonymous customer',
};
const zhHant: Messages<typeof en> = {
  label: '客訴承諾',
  reply: '{{day}} {{time}} 前回覆 {{customer}} 的客訴',
  resolve: '{{day}} {{time}} 前解決 {{customer}} 的客訴',
  anonymous: '匿名顧客',
};
const zhHans: Messages<typeof en> = {
  label: '客诉承诺',
  reply: '{{day}} {{time}} 前回复 {{customer}} 的客诉',
  resolve: '{{day}} {{time}} 前解决 {{customer}} 的客诉',
  anonymous: '匿名顾客',
};
const texts = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

/**
 * A complaint's running promise (reply by or resolve by), for the staff member who owns the
 * complaint, due on the deadline's day. Facts: promise ('reply' | 'resolve'), dueDay, dueTime (shop-local HH:MM).
 */
export const complaintDeadlineKind: ReminderKind = {
  name: 'complaint_deadline',
  label: { en: en.label, 'zh-Hant': zhHant.label, 'zh-Hans': zhHans.label },
  title: ({ language, customerName, facts, format }) => {
    const text = texts[language];
    const values = { customer: customerName ?? text.anonymous, day: format.day(textFact(facts, 'dueDay') ?? ''), time: textFact(facts, 'dueTime') ?? '' };
    return fill(facts.promise === 'reply' ? text.reply : text.resolve, values);
  },
  link: (reminder) => (reminder.subjectId === null ? null : `/complaints/${reminder.subjectId}`),
  onCallList: false,
};
