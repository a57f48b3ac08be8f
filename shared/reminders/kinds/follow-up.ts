import { fill, type Messages } from '../../i18n/messages';
import { customerLink, numberFact, textFact, type ReminderKind } from '../kind';

const en = {
  label: 'After-sale follow-up',
  firstVisit: 'Follow up with {{customer}} after their first visit on {{day}}',
  purchase: 'Follow up with {{customer}} on their {{amount}} purchase on {{day}}',
};
const zhHant: Messages<typeof en> = {
  label: '售後關懷',
  firstVisit: '關心 {{customer}} {{day}} 首次來店後的感受',
  purchase: '關心 {{customer}} {{day}} 消費 {{amount}} 後的使用情況',
};
const zhHans: Messages<typeof en> = {
  label: '售后回访',
  firstVisit: '回访 {{customer}} {{day}} 首次到店后的感受',
  purchase: '回访 {{customer}} {{day}} 消费 {{amount}} 后的使用情况',
};
const texts = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

/** After-sale care: a call N days after a first visit or a purchase over a set amount. Facts: visitDay, firstVisit, amountMinor. */
export const followUpKind: ReminderKind = {
  name: 'follow_up',
  label: { en: en.label, 'zh-Hant': zhHant.label, 'zh-Hans': zhHans.label },
  title: ({ language, customerName, facts, format }) => {
    const text = texts[language];
    const amount = numberFact(facts, 'amountMinor');
    const values = { customer: customerName ?? '', day: format.day(textFact(facts, 'visitDay') ?? ''), amount: amount === null ? '' : format.money(amount) };
    return fill(facts.firstVisit === true || amount === null ? text.firstVisit : text.purchase, values);
  },
  link: customerLink,
  onCallList: true,
};
