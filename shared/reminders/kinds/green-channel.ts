import { fill, type Messages } from '../../i18n/messages';
import { customerLink, type ReminderKind } from '../kind';

const en = {
  label: 'Green channel',
  title: 'Reach out to {{customer}}: unhappy and drifting away — open a green channel',
};
const zhHant: Messages<typeof en> = {
  label: '綠色通道',
  title: '主動聯絡 {{customer}}：不滿意又漸漸不來了，為他開一條綠色通道',
};
const zhHans: Messages<typeof en> = {
  label: '绿色通道',
  title: '主动联系 {{customer}}：不满意又渐渐不来了，为他开一条绿色通道',
};
const texts = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

/**
 * A Destroyer (neither satisfied nor loyal) spreads bad word: the shop finds them and reaches out
 * personally, with a direct line to the owner. One reminder per stay in the quadrant.
 */
export const greenChannelKind: ReminderKind = {
  name: 'green_channel',
  label: { en: en.label, 'zh-Hant': zhHant.label, 'zh-Hans': zhHans.label },
  title: ({ language, customerName }) => fill(texts[language].title, { customer: customerName ?? '' }),
  link: customerLink,
  onCallList: true,
};
