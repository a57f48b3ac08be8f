import { fill, type Messages } from '../../i18n/messages';
import { customerLink, numberFact, type ReminderKind } from '../kind';

const en = {
  label: 'Win back',
  rhythm: 'Win back {{customer}}: usually every {{rhythm}} days — {{away}} days ago',
  daily: 'Win back {{customer}}: usually every day — {{away}} days ago',
  once: 'Win back {{customer}}: came once — {{away}} days ago',
};
const zhHant: Messages<typeof en> = {
  label: '挽回熟客',
  rhythm: '挽回 {{customer}}：平常每 {{rhythm}} 天來一次，已 {{away}} 天沒來',
  daily: '挽回 {{customer}}：平常每天來，已 {{away}} 天沒來',
  once: '挽回 {{customer}}：只來過一次，已 {{away}} 天沒來',
};
const zhHans: Messages<typeof en> = {
  label: '挽回老客',
  rhythm: '挽回 {{customer}}：平常每 {{rhythm}} 天来一次，已 {{away}} 天没来',
  daily: '挽回 {{customer}}：平常每天来，已 {{away}} 天没来',
  once: '挽回 {{customer}}：只来过一次，已 {{away}} 天没来',
};
const texts = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

/**
 * A customer stayed away longer than their own rhythm allows. Reads the rhythm and days away as of
 * today from the customer (they change daily); facts keep what they were when it was raised.
 */
export const winBackKind: ReminderKind = {
  name: 'win_back',
  label: { en: en.label, 'zh-Hant': zhHant.label, 'zh-Hans': zhHans.label },
  title: ({ language, customerName, customer, facts }) => {
    const rhythm = customer?.rhythmDays ?? numberFact(facts, 'rhythmDays');
    const days = rhythm === null ? null : Math.round(rhythm);
    const values = { customer: customerName ?? '', rhythm: days ?? '', away: customer?.daysAway ?? '' };
    // A daily regular (a café's morning coffee) is "usually every day", not "every 1 days".
    return fill(days === null ? texts[language].once : days <= 1 ? texts[language].daily : texts[language].rhythm, values);
  },
  link: customerLink,
  onCallList: true,
};
