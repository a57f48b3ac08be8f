import { fill, type Messages } from '../../i18n/messages';
import { textFact, type ReminderKind } from '../kind';

const en = {
  label: 'Complaint follow-up',
  title: 'Ask {{customer}} whether the complaint resolved on {{day}} left them satisfied',
  anonymous: 'the customer',
};
const zhHant: Messages<typeof en> = {
  label: '客訴回訪',
  title: '回訪 {{customer}}：{{day}} 處理完的客訴是否滿意',
  anonymous: '顧客',
};
const zhHans: Messages<typeof en> = {
  label: '客诉回访',
  title: '回访 {{customer}}：{{day}} 处理完的客诉是否满意',
  anonymous: '顾客',
};
const texts = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

/** After a complaint is resolved, a call a few days later to ask how it stands. Facts: resolvedDay. */
export const complaintFollowUpKind: ReminderKind = {
  name: 'complaint_follow_up',
  label: { en: en.label, 'zh-Hant': zhHant.label, 'zh-Hans': zhHans.label },
  title: ({ language, customerName, facts, format }) => {
    const text = texts[language];
    return fill(text.title, { customer: customerName ?? text.anonymous, day: format.day(textFact(facts, 'resolvedDay') ?? '') });
  },
  link: (reminder) => (reminder.subjectId === null ? null : `/complaints/${reminder.subjectId}`),
  onCallList: true,
};
