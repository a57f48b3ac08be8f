import { fill, type Messages } from '../../i18n/messages';
import { customerLink, numberFact, textFact, type ReminderKind } from '../kind';

const en = {
  label: 'Referral reward',
  title: 'Hand over {{customer}}’s reward for bringing {{referred}}: {{reward}}',
  points: '{{count}} points',
  thanks: 'a thank-you',
};
const zhHant: Messages<typeof en> = {
  label: '推薦獎勵',
  title: '把推薦 {{referred}} 的獎勵交給 {{customer}}：{{reward}}',
  points: '{{count}} 點',
  thanks: '親自道謝',
};
const zhHans: Messages<typeof en> = {
  label: '推荐奖励',
  title: '把推荐 {{referred}} 的奖励交给 {{customer}}：{{reward}}',
  points: '{{count}} 积分',
  thanks: '亲自道谢',
};
const texts = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

/**
 * A referrer earned a reward (the customer they brought made a first qualifying purchase) and it has
 * not been handed over yet. Facts: referredName, rewardKind, value, gift. Closed when the reward is
 * marked given or void.
 */
export const referralRewardKind: ReminderKind = {
  name: 'referral_reward',
  label: { en: en.label, 'zh-Hant': zhHant.label, 'zh-Hans': zhHans.label },
  title: ({ language, customerName, facts, format }) => {
    const text = texts[language];
    const value = numberFact(facts, 'value') ?? 0;
    const kind = textFact(facts, 'rewardKind');
    const reward =
      kind === 'discount' ? format.money(value) : kind === 'points' ? fill(text.points, { count: value }) : kind === 'gift' ? (textFact(facts, 'gift') ?? '') : text.thanks;
    return fill(text.title, { customer: customerName ?? '', referred: textFact(facts, 'referredName') ?? '', reward });
  },
  link: customerLink,
  onCallList: false,
};
