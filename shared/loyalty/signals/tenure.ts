import { fill, type Messages } from '../../i18n/messages';
import { numberOf, signedPoints, type LoyaltySignalKind } from '../signal';

const en = { line: '{{points}} with the shop for {{years}} years and still coming' };
const zhHant: Messages<typeof en> = { line: '{{points}} 已是 {{years}} 年的老顧客，至今仍常來' };
const zhHans: Messages<typeof en> = { line: '{{points}} 已是 {{years}} 年的老顾客，至今仍常来' };
const texts = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

/** Years since the first visit, for a customer who visited within the last year. */
export const tenureSignal: LoyaltySignalKind = {
  name: 'tenure',
  axis: 'loyalty',
  explain: (language, signal) => fill(texts[language].line, { points: signedPoints(signal.points), years: numberOf(signal.facts, 'years') }),
};
