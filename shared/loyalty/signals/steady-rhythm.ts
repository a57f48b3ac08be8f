import { fill, type Messages } from '../../i18n/messages';
import { numberOf, signedPoints, type LoyaltySignalKind } from '../signal';

const en = { line: '{{points}} steady rhythm: comes about every {{days}} days and is not overdue', daily: '{{points}} steady rhythm: comes about every day and is not overdue' };
const zhHant: Messages<typeof en> = { line: '{{points}} 來店穩定：大約每 {{days}} 天來一次，且沒有逾期', daily: '{{points}} 來店穩定：大約每天都來，且沒有逾期' };
const zhHans: Messages<typeof en> = { line: '{{points}} 到店稳定：大约每 {{days}} 天来一次，且没有逾期', daily: '{{points}} 到店稳定：大约每天都来，且没有逾期' };
const texts = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

/** Buys steadily: a rhythm short enough, over enough visits, and not lapsed. */
export const steadyRhythmSignal: LoyaltySignalKind = {
  name: 'steady_rhythm',
  axis: 'loyalty',
  explain: (language, signal) => {
    const days = Math.round(numberOf(signal.facts, 'rhythmDays'));
    return fill(days <= 1 ? texts[language].daily : texts[language].line, { points: signedPoints(signal.points), days });
  },
};
