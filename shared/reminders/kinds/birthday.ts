import { fill, type Messages } from '../../i18n/messages';
import { customerLink, numberFact, textFact, type ReminderKind } from '../kind';

const en = {
  label: 'Birthday',
  birthday: '{{customer}}’s birthday on {{day}}',
  withAge: '{{customer}} turns {{age}} on {{day}}',
};
const zhHant: Messages<typeof en> = {
  label: '生日',
  birthday: '{{customer}} {{day}} 生日',
  withAge: '{{customer}} {{day}} 滿 {{age}} 歲生日',
};
const zhHans: Messages<typeof en> = {
  label: '生日',
  birthday: '{{customer}} {{day}} 生日',
  withAge: '{{customer}} {{day}} {{age}} 岁生日',
};
const texts = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

/** A greeting a few days before the birthday. Facts: birthdayDay (this year's occurrence), age (when the year is known). */
export const birthdayKind: ReminderKind = {
  name: 'birthday',
  label: { en: en.label, 'zh-Hant': zhHant.label, 'zh-Hans': zhHans.label },
  title: ({ language, customerName, facts, format }) => {
    const age = numberFact(facts, 'age');
    const values = { customer: customerName ?? '', day: format.day(textFact(facts, 'birthdayDay') ?? ''), age: age ?? '' };
    return fill(age === null ? texts[language].birthday : texts[language].withAge, values);
  },
  link: customerLink,
  onCallList: true,
  occasionDay: (facts) => textFact(facts, 'birthdayDay'),
};
