import { fill, type Messages } from '../../i18n/messages';
import { numberOf, signedPoints, type LoyaltySignalKind } from '../signal';

const en = {
  buyAgain: '{{points}} latest satisfaction: satisfied and will buy again',
  bringFriends: '{{points}} latest satisfaction: satisfied and will bring friends',
};
const zhHant: Messages<typeof en> = {
  buyAgain: '{{points}} 最近的滿意度：滿意，還會再來買',
  bringFriends: '{{points}} 最近的滿意度：滿意，還會帶朋友來',
};
const zhHans: Messages<typeof en> = {
  buyAgain: '{{points}} 最近的满意度：满意，还会再来买',
  bringFriends: '{{points}} 最近的满意度：满意，还会带朋友来',
};
const texts = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

/** The latest answer on the three-level scale: level 2 ("will buy again") +1, level 3 ("will bring friends") +2. */
export const satisfactionSignal: LoyaltySignalKind = {
  name: 'satisfaction',
  axis: 'satisfaction',
  explain: (language, signal) =>
    fill(numberOf(signal.facts, 'level') >= 3 ? texts[language].bringFriends : texts[language].buyAgain, { points: signedPoints(signal.points) }),
};
