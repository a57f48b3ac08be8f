import { fill, type Messages } from '../../i18n/messages';
import { signedPoints, type LoyaltySignalKind } from '../signal';

const en = { line: '{{points}} told us about a problem and came back after it was put right' };
const zhHant: Messages<typeof en> = { line: '{{points}} 反映過問題，處理好之後仍回來消費' };
const zhHans: Messages<typeof en> = { line: '{{points}} 反映过问题，处理好之后仍回来消费' };
const texts = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

/**
 * Constructive feedback: a customer who complained in the trailing year, had it resolved, and
 * bought again afterwards — they tolerate a problem and tell the shop, which is worth keeping.
 * It lifts the tier only; the quadrant reads satisfaction answers and visits themselves.
 */
export const feedbackSignal: LoyaltySignalKind = {
  name: 'feedback',
  axis: 'satisfaction',
  explain: (language, signal) => fill(texts[language].line, { points: signedPoints(signal.points) }),
};
