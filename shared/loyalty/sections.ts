import { vocabulary } from '../i18n/vocabulary';
import type { Language } from '../locale';
import type { Messages } from '../i18n/messages';

/** How one dashboard chart reads: its title, a one-line note, its empty state and its series' names. */
export interface DashboardSectionTexts {
  title: string;
  note: string;
  empty: string;
  /** By series key (for 'periods' charts); the Pareto and matrix charts label themselves. */
  series: Record<string, string>;
}

/**
 * The words of each chart of the loyalty dashboard, by the name its core provider answers with
 * (electron/core/loyalty/dashboard/index.ts). A feature adds its chart's words with one entry here.
 */
export type DashboardSectionKind = Record<Language, DashboardSectionTexts>;

const en = {
  pareto: {
    title: 'Who brings the revenue (80/20)',
    note: 'Customers ranked by what they spent in the range, biggest first: the curve is the share of revenue they bring together.',
    empty: 'No customer spent anything in these months yet. Log visits with an amount to see the 80/20 picture.',
    series: {},
  },
  tiers_over_time: {
    title: 'Customers by tier',
    note: 'Key, Major, Regular and Small at the end of each month; the current month is live.',
    empty: 'No tiers recorded for these months yet. Tiers are counted every day the app runs.',
    series: vocabulary.en.tiers,
  },
  quadrants: {
    title: 'Satisfaction × loyalty today',
    note: 'Each bubble is a group of customers; bigger bubbles hold more. Customers never asked how satisfied they are are not shown.',
    empty: 'Nobody has answered the satisfaction question yet. Ask it when logging a visit or on a customer’s page.',
    series: {},
  },
  customer_flow: {
    title: 'New, returning and lapsed customers',
    note: 'Per month: first visits, customers who came back, and customers who lapsed that month and are still away.',
    empty: 'No visits in these months yet.',
    series: { new: 'New', returning: 'Returning', lapsed: 'Lapsed (still away)' },
  },
  referral_share: {
    title: 'New customers brought by customers',
    note: 'Customers who came for the first time each month: those another customer brought, the others, and the referred share (in a healthy shop, often around 60%).',
    empty: 'No new customers in these months yet.',
    series: { referred: 'Referred', others: 'Other new customers', share: 'Referred share' },
  },
  complaint_promises: {
    title: 'Complaints and promises kept',
    note: 'Complaints received per month, and the share of reply and resolve promises settled that month that were kept.',
    empty: 'No complaints in these months. When one is logged, its promises are counted here.',
    series: { complaints: 'Complaints', kept: 'Promises kept' },
  },
  visits_revenue: {
    title: 'Visits and revenue',
    note: 'Every visit per month, walk-ins included, and what they brought.',
    empty: 'No visits in these months yet.',
    series: { visits: 'Visits', revenue: 'Revenue' },
  },
};
const zhHant: Messages<typeof en> = {
  pareto: {
    title: '營收來自誰（80/20）',
    note: '客戶依這段期間的消費由高到低排列，曲線是他們合計帶來的營收佔比。',
    empty: '這段期間還沒有客戶消費。記錄來店金額後，就能看到 80/20 的樣貌。',
    series: {},
  },
  tiers_over_time: {
    title: '各等級客戶人數',
    note: '每月月底的核心、主要、普通、小客戶人數；本月為即時數字。',
    empty: '這段期間還沒有分級紀錄。應用程式每天執行時都會統計分級。',
    series: vocabulary['zh-Hant'].tiers,
  },
  quadrants: {
    title: '滿意度 × 忠誠度（今天）',
    note: '每個泡泡是一群客戶，越大代表人越多。沒回答過滿意度的客戶不在圖上。',
    empty: '還沒有人回答過滿意度。記錄來店時或在客戶頁面上都可以詢問。',
    series: {},
  },
  customer_flow: {
    title: '新客、回頭客與久未上門的客戶',
    note: '每月：第一次來店的客戶、再次光臨的客戶，以及當月起久未上門、至今仍未回來的客戶。',
    empty: '這段期間還沒有來店紀錄。',
    series: { new: '新客', returning: '回頭客', lapsed: '久未上門（仍未回來）' },
  },
  referral_share: {
    title: '客人介紹來的新客',
    note: '每月第一次來店的客戶：由其他客人介紹的、其他新客，以及介紹佔比（經營良好的店常在 60% 左右）。',
    empty: '這段期間還沒有新客。',
    series: { referred: '介紹來的', others: '其他新客', share: '介紹佔比' },
  },
  complaint_promises: {
    title: '客訴與守約率',
    note: '每月收到的客訴，以及當月到期的回覆與解決承諾中守約的比例。',
    empty: '這段期間沒有客訴。登記客訴後，其承諾會在這裡統計。',
    series: { complaints: '客訴', kept: '守約率' },
  },
  visits_revenue: {
    title: '來店次數與營收',
    note: '每月所有來店次數（含散客）與帶來的營收。',
    empty: '這段期間還沒有來店紀錄。',
    series: { visits: '來店次數', revenue: '營收' },
  },
};
const zhHans: Messages<typeof en> = {
  pareto: {
    title: '营收来自谁（80/20）',
    note: '客户按这段期间的消费从高到低排列，曲线是他们合计带来的营收占比。',
    empty: '这段期间还没有客户消费。记录到店金额后，就能看到 80/20 的样貌。',
    series: {},
  },
  tiers_over_time: {
    title: '各等级客户人数',
    note: '每月月底的核心、主要、普通、小客户人数；本月为实时数字。',
    empty: '这段期间还没有分级记录。应用每天运行时都会统计分级。',
    series: vocabulary['zh-Hans'].tiers,
  },
  quadrants: {
    title: '满意度 × 忠诚度（今天）',
    note: '每个气泡是一群客户，越大代表人越多。没回答过满意度的客户不在图上。',
    empty: '还没有人回答过满意度。记录到店时或在客户页面上都可以询问。',
    series: {},
  },
  customer_flow: {
    title: '新客、回头客与久未上门的客户',
    note: '每月：第一次到店的客户、再次光临的客户，以及当月起久未上门、至今仍未回来的客户。',
    empty: '这段期间还没有到店记录。',
    series: { new: '新客', returning: '回头客', lapsed: '久未上门（仍未回来）' },
  },
  referral_share: {
    title: '客人介绍来的新客',
    note: '每月第一次到店的客户：由其他客人介绍的、其他新客，以及介绍占比（经营良好的店常在 60% 左右）。',
    empty: '这段期间还没有新客。',
    series: { referred: '介绍来的', others: '其他新客', share: '介绍占比' },
  },
  complaint_promises: {
    title: '客诉与守约率',
    note: '每月收到的客诉，以及当月到期的回复与解决承诺中守约的比例。',
    empty: '这段期间没有客诉。登记客诉后，其承诺会在这里统计。',
    series: { complaints: '客诉', kept: '守约率' },
  },
  visits_revenue: {
    title: '到店次数与营收',
    note: '每月所有到店次数（含散客）与带来的营收。',
    empty: '这段期间还没有到店记录。',
    series: { visits: '到店次数', revenue: '营收' },
  },
};

type SectionName = keyof typeof en;

const loyaltySections = Object.fromEntries(
  (Object.keys(en) as SectionName[]).map((name) => [name, { en: en[name], 'zh-Hant': zhHant[name], 'zh-Hans': zhHans[name] }]),
) as Record<SectionName, DashboardSectionKind>;

/**
 * Every chart's words, by its provider's name. A feature adds its chart with one entry here, e.g.
 * `referral_share: referralShareSection` (a `DashboardSectionKind` written in its own file).
 */
export const dashboardSectionKinds: Readonly<Record<string, DashboardSectionKind>> = { ...loyaltySections };

export const dashboardSectionTexts = (name: string, language: Language): DashboardSectionTexts | undefined => dashboardSectionKinds[name]?.[language];
