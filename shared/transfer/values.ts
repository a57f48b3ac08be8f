import { DateTime } from 'luxon';
import type { CustomerSource, Gender, NeedType } from '../contract/customers';
import { transferMessages } from '../i18n/transfer';
import { languages } from '../locale';
import { parseAmount } from '../money';

/**
 * Reading spreadsheet cells the way shops write them: "女" and "F", "是" and "TRUE", "1990/5/12",
 * "民國79年5月12日" and "12/05/1990", "NT$1,280". Each reader answers null for "cannot read this".
 */

const fold = (text: string): string => text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

/** A leading apostrophe is how spreadsheets (and Regulars' export) mark "this is text, not a number or formula". */
export const cleanCell = (cell: string): string => {
  const trimmed = cell.trim();
  return /^'[=+\-@0-9]/.test(trimmed) ? trimmed.slice(1) : trimmed;
};

/** Several labels in one cell: "VIP; 常客", "咖啡、甜點", "a|b". */
export const splitList = (cell: string): string[] =>
  cell
    .split(/[;,，、；|\n]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');

/**
 * Tags or labels in one cell. Google Contacts separates labels with " ::: " and marks its own
 * (system) labels with a star — "* myContacts", "* starred" — which say nothing about the customer.
 */
export const splitTags = (cell: string): string[] =>
  cell
    .split(':::')
    .flatMap(splitList)
    .filter((label) => !label.startsWith('*'));

/** Several phone numbers in one cell: "0912-345-678 / 02-2345-6789". Extensions are dropped. */
export const splitPhones = (cell: string): string[] =>
  cell
    .split(/[;,，、；|\n/]+/)
    .map((part) =>
      part
        .replace(/^(tel|phone|mobile|手機|手机|電話|电话)\s*[:：]/i, '')
        .replace(/\s*(#|ext\.?|x|轉|转)\s*\d+\s*$/i, '')
        .trim(),
    )
    .filter((part) => part !== '');

/** A phone number a spreadsheet has turned into a number in scientific notation: 9.12346E+08. */
export const looksLikeMangledPhone = (cell: string): boolean => /^\d(\.\d+)?e\+\d+$/i.test(cell.trim());

type Dictionary<T> = Map<string, T | null>;

const dictionary = <T extends string>(entries: [T | null, string[]][], labelsOf: (language: (typeof languages)[number]) => Record<T, string>): Dictionary<T> => {
  const map: Dictionary<T> = new Map();
  for (const language of languages) {
    for (const [value, label] of Object.entries(labelsOf(language)) as [T, string][]) map.set(fold(label), value);
  }
  for (const [value, words] of entries) for (const word of words) map.set(fold(word), value);
  return map;
};

const unknownWords = ['unknown', 'n/a', 'na', 'none', '-', '--', '?', '未知', '保密', '不詳', '不详', '不明', '無', '无', '未填', '其他未知'];

const genders = dictionary<Gender>(
  [
    ['female', ['f', 'female', 'woman', 'w', 'ms', 'ms.', 'mrs', 'mrs.', 'miss', 'girl', '女', '女性', '女士', '小姐', '太太']],
    ['male', ['m', 'male', 'man', 'mr', 'mr.', 'boy', '男', '男性', '先生']],
    ['other', ['other', 'x', 'non-binary', 'nonbinary', 'diverse', '其他', '其它']],
    [null, unknownWords],
  ],
  (language) => transferMessages[language].values.gender,
);

const sources = dictionary<CustomerSource>(
  [
    ['walk_in', ['walk-in', 'walk in', 'walkin', 'passer-by', 'passerby', 'walked in', '路過', '路过', '路過進店', '自己來', '自来客', '自然進店', '门店']],
    ['referral', ['referral', 'referred', 'friend', 'word of mouth', '介紹', '介绍', '推薦', '推荐', '朋友介紹', '朋友介绍', '親友介紹', '老客介绍', '口碑']],
    [
      'social_media',
      ['social', 'social media', 'facebook', 'fb', 'instagram', 'ig', 'line', 'wechat', 'weibo', 'tiktok', 'douyin', 'xiaohongshu', '臉書', '脸书', '微信', '微博', '抖音', '小紅書', '小红书', '社群', '社群媒體', '社交媒体'],
    ],
    ['event', ['event', 'fair', 'market', 'exhibition', '活動', '活动', '市集', '展覽', '展会']],
    ['online', ['online', 'web', 'website', 'google', 'google maps', 'search', 'internet', '網路', '网络', '網站', '网站', '線上', '线上', '搜尋', '搜索', '地圖', '地图']],
    ['other', ['other', '其他', '其它']],
  ],
  (language) => transferMessages[language].values.source,
);

const needTypes = dictionary<NeedType>(
  [
    ['price', ['price', 'price-oriented', 'cheap', '價格', '价格', '重價格', '重价格']],
    ['value', ['value', 'value-oriented', 'quality', '價值', '价值', '品質', '品质', '重價值', '重价值']],
    ['composite', ['both', 'composite', 'mixed', '兩者', '两者', '綜合', '综合', '兩者兼具', '两者兼顾']],
    [null, unknownWords],
  ],
  (language) => transferMessages[language].values.needType,
);

const yesWords = ['yes', 'y', 'true', '1', 'ok', 'agree', 'agreed', 'subscribed', 'opted in', 'opt in', 'v', '✓', '✔', '是', '有', '同意', '已同意', '訂閱', '订阅', '已訂閱', '已订阅', '願意', '愿意'];
const noWords = ['no', 'n', 'false', '0', 'disagree', 'unsubscribed', 'not subscribed', 'opted out', 'opt out', 'never subscribed', 'x', '✗', '否', '無', '无', '不同意', '未同意', '未訂閱', '未订阅', '取消訂閱', '不願意', '不愿意'];
const consentWords = new Map<string, boolean>([
  ...languages.flatMap((language) => [
    [fold(transferMessages[language].values.yes), true] as const,
    [fold(transferMessages[language].values.no), false] as const,
  ]),
  ...yesWords.map((word) => [fold(word), true] as const),
  ...noWords.map((word) => [fold(word), false] as const),
]);

/** undefined: not readable; null: says "unknown". */
export const readGender = (cell: string): Gender | null | undefined => (cell === '' ? null : genders.get(fold(cell)));
export const readNeedType = (cell: string): NeedType | null | undefined => (cell === '' ? null : needTypes.get(fold(cell)));
export const readConsent = (cell: string): boolean | undefined => (cell === '' ? false : consentWords.get(fold(cell)));
/** A source Regulars does not list ("Yelp") is "other"; the caller keeps the words in the notes. */
export const readSource = (cell: string): { source: CustomerSource | null; known: boolean } => {
  if (cell === '') return { source: null, known: true };
  const known = sources.get(fold(cell));
  return known === undefined || known === null ? { source: 'other', known: false } : { source: known, known: true };
};

export interface DayParts {
  year: number | null;
  month: number;
  day: number;
}

const currentYear = (): number => new Date().getUTCFullYear();

/** Republic of China years (Taiwan): 民國79年, or a 2–3 digit year before a slash: 79/05/12 → 1990. */
const fromRocYear = (year: number): number => year + 1911;

const validDay = (parts: DayParts): DayParts | null => {
  const { year, month, day } = parts;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const probeYear = year ?? 2000;
  if (year !== null && (year < 1900 || year > currentYear() + 1)) return null;
  const date = new Date(Date.UTC(probeYear, month - 1, day));
  return date.getUTCMonth() === month - 1 ? parts : null;
};

/**
 * The calendar day in a cell. `dayFirst` settles 05/06/1990 (6 May in most places, 5 June in the
 * US and a few others): the shop's country decides.
 */
export const readDay = (cell: string, dayFirst: boolean): DayParts | null => {
  const text = cell.normalize('NFKC').trim();
  if (text === '') return null;
  let match = text.match(/^(?:民國|民国)\s*(\d{1,3})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?/);
  if (match) return validDay({ year: fromRocYear(Number(match[1])), month: Number(match[2]), day: Number(match[3]) });
  match = text.match(/^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?/);
  if (match) return validDay({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
  match = text.match(/^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号號]?$/);
  if (match) return validDay({ year: null, month: Number(match[1]), day: Number(match[2]) });
  match = text.match(/^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?=$|[T\s])/);
  if (match) return validDay({ year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) });
  match = text.match(/^(\d{2,3})[/.](\d{1,2})[/.](\d{1,2})(?=$|\s)/);
  if (match && Number(match[1]) > 31) return validDay({ year: fromRocYear(Number(match[1])), month: Number(match[2]), day: Number(match[3]) });
  match = text.match(/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?=$|\s)/);
  if (match) {
    const [first, second, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const dayFirstHere = first > 12 ? true : second > 12 ? false : dayFirst;
    return validDay(dayFirstHere ? { year, month: second, day: first } : { year, month: first, day: second });
  }
  match = text.match(/^-{0,2}(\d{1,2})-(\d{1,2})$/);
  if (match) return validDay({ year: null, month: Number(match[1]), day: Number(match[2]) });
  match = text.match(/^(\d{1,2})[/.](\d{1,2})$/);
  if (match) {
    const [first, second] = [Number(match[1]), Number(match[2])];
    const dayFirstHere = first > 12 ? true : second > 12 ? false : dayFirst;
    return validDay(dayFirstHere ? { year: null, month: second, day: first } : { year: null, month: first, day: second });
  }
  const written = DateTime.fromFormat(text, text.match(/^\d/) ? 'd MMMM yyyy' : 'MMMM d, yyyy', { locale: 'en' });
  if (written.isValid) return validDay({ year: written.year, month: written.month, day: written.day });
  const noYear = DateTime.fromFormat(text, text.match(/^\d/) ? 'd MMMM' : 'MMMM d', { locale: 'en' });
  if (noYear.isValid) return validDay({ year: null, month: noYear.month, day: noYear.day });
  return null;
};

/**
 * A cell that says "no date" in a tool's own way: Outlook writes 0/0/00 for an empty birthday.
 * It is an empty cell, not a mistake in the row.
 */
export const isNoDate = (cell: string): boolean => /^0{1,4}([-/.])0{1,2}\1(?:0{1,4})$/.test(cell.trim());

/**
 * A birthday: day and month, the year when given. Without a year tools write 0000-07-04 (Square),
 * --07-04 (Google, vCard 4) or --0704 (vCard 3).
 */
export const readBirthday = (cell: string, dayFirst: boolean): DayParts | null => {
  const text = cell.normalize('NFKC').trim();
  const noYear = text.match(/^(?:0000-|--)(\d{2})-?(\d{2})$/);
  if (noYear) return validDay({ year: null, month: Number(noYear[1]), day: Number(noYear[2]) });
  return readDay(text, dayFirst);
};

/** A count of visits or orders: "37", "1,204", "37次", "12 visits". */
export const readCount = (cell: string): number | null => {
  const text = cell.normalize('NFKC').trim().replace(/\s*(次|回|筆|笔|單|单|visits?|orders?|times?)$/i, '').replace(/,/g, '');
  if (!/^\d{1,9}(\.0+)?$/.test(text)) return null;
  return Number.parseInt(text, 10);
};

/**
 * An instant in a cell ("2024/05/01 14:30", "2024-05-01T06:30:00Z", "5/1/2024 2:30 PM",
 * "2024年5月1日 下午2:30"), as ISO-8601 UTC. Times without a zone are the shop's local time.
 */
export const readInstant = (cell: string, zone: string, dayFirst: boolean): string | null => {
  const plain = plainInstant.exec(cell);
  if (plain !== null) {
    const year = Number(plain[1]);
    const day = validDay({ year, month: Number(plain[2]), day: Number(plain[3]) });
    return day === null ? null : instantAt(year, day, Number(plain[4] ?? 0), Number(plain[5] ?? 0), Number(plain[6] ?? 0), zone);
  }
  const text = cell.normalize('NFKC').trim();
  if (text === '') return null;
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:?\d{2})$/i.test(text)) {
    const instant = DateTime.fromISO(text, { setZone: true });
    return instant.isValid ? (instant.toUTC().toISO() ?? null) : null;
  }
  const day = readDay(text, dayFirst);
  if (day === null || day.year === null) return null;
  const time = text.match(/(上午|下午|早上|晚上|中午)?\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?\s*(am|pm|上午|下午)?\s*$/i);
  let hour = 0;
  let minute = 0;
  let second = 0;
  if (time) {
    hour = Number(time[2]);
    minute = Number(time[3]);
    second = Number(time[4] ?? 0);
    const marker = (time[1] ?? time[5] ?? '').toLowerCase();
    if ((marker === 'pm' || marker === '下午' || marker === '晚上') && hour < 12) hour += 12;
    if ((marker === 'am' || marker === '上午' || marker === '早上') && hour === 12) hour = 0;
  }
  return instantAt(day.year, day, hour, minute, second, zone);
};

/**
 * "2024-05-01 14:30", "2024/5/1", "2024-05-01T14:30:05": how most tools write an instant without
 * a zone, read without trying every other way of writing one (the answer is the same; an import
 * reads one or two per row).
 */
const plainInstant = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/** A day with a year and a local time of day in the zone, as ISO-8601 UTC; null for a time no clock shows. */
const instantAt = (year: number, day: DayParts, hour: number, minute: number, second: number, zone: string): string | null => {
  if (hour > 23 || minute > 59 || second > 59) return null;
  const offset = zoneOffsetMinutes(zone, year, day.month, day.day, hour);
  if (offset === null) return null;
  return new Date(Date.UTC(year, day.month - 1, day.day, hour, minute, second) - offset * 60_000).toISOString();
};

/**
 * The zone's offset from UTC at a local hour, remembered: an import reads thousands of times of
 * day, and asking the time-zone database for each costs more than the rest of the row.
 */
const offsets = new Map<string, number | null>();
const zoneOffsetMinutes = (zone: string, year: number, month: number, day: number, hour: number): number | null => {
  const key = `${zone}|${year}-${month}-${day}-${hour}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const local = DateTime.fromObject({ year, month, day, hour }, { zone });
    offset = local.isValid ? local.offset : null;
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
};

/** An amount with its currency written around it: "NT$1,280", "¥ 45.50", "1280元", "HK$ 300". */
export const readAmount = (cell: string, currency: string): number | null => {
  const text = cell
    .normalize('NFKC')
    .replace(/^(nt|us|hk|mop|rmb|cny|twd|hkd|usd|sgd|s|rm|a|c)?\s*[$¥￥€£]?\s*/i, '')
    .replace(/\s*(元|圓|块|塊|nt|twd|cny|rmb|hkd|usd|sgd|mop|dollars?)$/i, '')
    .trim();
  if (text === '' || text.startsWith('-')) return null;
  return parseAmount(text, currency);
};

/**
 * Whether 05/06 means 6 May: most of the world writes the day first; the US and a few others, and
 * East Asia (which writes year, month, day, so a short date is month/day), write the month first.
 */
export const writesDayFirst = (country: string): boolean => !['US', 'CA', 'PH', 'FM', 'MH', 'PW', 'TW', 'CN', 'JP', 'KR'].includes(country);
