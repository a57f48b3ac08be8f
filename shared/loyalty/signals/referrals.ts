import { fill, type Messages } from '../../i18n/messages';
import { numberOf, signedPoints, type LoyaltySignalKind } from '../signal';

const en = { line: '{{points}} brought {{referrals}} customers who went on to buy' };
const zhHant: Messages<typeof en> = { line: '{{points}} 介紹了 {{referrals}} 位已來消費的客人' };
const zhHans: Messages<typeof en> = { line: '{{points}} 介绍了 {{referrals}} 位已来消费的客人' };
const texts = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

/** Successful referrals: customers they brought whose first qualifying purchase earned a reward. */
export const referralsSignal: LoyaltySignalKind = {
  name: 'referrals',
  axis: 'loyalty',
  explain: (language, signal) => fill(texts[language].line, { points: signedPoints(signal.points), referrals: numberOf(signal.facts, 'referrals') }),
};
