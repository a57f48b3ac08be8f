import { fill, type Messages } from '../../i18n/messages';
import { numberOf, signedPoints, type LoyaltySignalKind } from '../signal';

const en = { line: '{{points}} brought {{referrals}} customers who went on to buy', one: '{{points}} brought a customer who went on to buy' };
const zhHant: Messages<typeof en> = { line: '{{points}} 介紹了 {{referrals}} 位已來消費的客人', one: '{{points}} 介紹了 1 位已來消費的客人' };
const zhHans: Messages<typeof en> = { line: '{{points}} 介绍了 {{referrals}} 位已来消费的客人', one: '{{points}} 介绍了 1 位已来消费的客人' };
const texts = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

/** Successful referrals: customers they brought whose first qualifying purchase earned a reward. */
export const referralsSignal: LoyaltySignalKind = {
  name: 'referrals',
  axis: 'loyalty',
  explain: (language, signal) => {
    const referrals = numberOf(signal.facts, 'referrals');
    return fill(referrals === 1 ? texts[language].one : texts[language].line, { points: signedPoints(signal.points), referrals });
  },
};
