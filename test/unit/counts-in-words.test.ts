import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { formatCounts } from '../../electron/cli/commands/describe';
import { counted } from '../../electron/cli/output';
import { customersMessages } from '../../renderer/src/features/customers/i18n';
import { loyaltyMessages } from '../../renderer/src/features/loyalty/i18n';
import { referralsMessages } from '../../renderer/src/features/referrals/i18n';
import { winBackKind } from '../../shared/reminders/kinds/win-back';
import { loyaltySignalKind } from '../../shared/loyalty/signals';

const translator = async (lng: string) => {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    resources: Object.fromEntries(
      (['en', 'zh-Hant', 'zh-Hans'] as const).map((language) => [language, { customers: customersMessages[language], referrals: referralsMessages[language], loyalty: loyaltyMessages[language] }]),
    ),
    interpolation: { escapeValue: false },
  });
  return instance;
};

describe('counts read as words a person would write', () => {
  it('groups the digits of a large book in every language', async () => {
    expect((await translator('zh-Hant')).t('customers:list.count', { count: 99000 })).toBe('共 99,000 位客戶');
    expect((await translator('zh-Hans')).t('customers:list.count', { count: 99000 })).toBe('共 99,000 位客户');
    expect((await translator('en')).t('customers:list.count', { count: 99000 })).toBe('99,000 customers');
  });

  it('says "1 level deep", not "1 levels deep"', async () => {
    const en = await translator('en');
    expect(en.t('referrals:tree.counts', { direct: 1, total: 1, count: 1 })).toBe('Brought 1 directly, 1 in all, 1 level deep');
    expect(en.t('referrals:tree.counts', { direct: 2, total: 3, count: 2 })).toBe('Brought 2 directly, 3 in all, 2 levels deep');
  });

  it('says "1 reward to hand over", "1 point" and "1 customer" in a bubble, not their plurals', async () => {
    const en = await translator('en');
    expect(en.t('referrals:page.toHandOver', { count: 1 })).toBe('1 reward to hand over');
    expect(en.t('referrals:page.toHandOver', { count: 7 })).toBe('7 rewards to hand over');
    expect(en.t('referrals:reward.points', { count: 1 })).toBe('1 point');
    expect(en.t('referrals:reward.points', { count: 50 })).toBe('50 points');
    expect(en.t('loyalty:chart.bubble', { count: 1, satisfaction: '2.0', loyalty: '80%' })).toBe('1 customer · satisfaction 2.0 · loyalty 80%');
    expect(en.t('loyalty:chart.bubble', { count: 12, satisfaction: '2.0', loyalty: '80%' })).toBe('12 customers · satisfaction 2.0 · loyalty 80%');
    expect((await translator('zh-Hant')).t('referrals:page.toHandOver', { count: 1 })).toBe('1 份獎勵待發放');
    expect((await translator('zh-Hans')).t('loyalty:chart.bubble', { count: 1, satisfaction: '2.0', loyalty: '80%' })).toBe('1 位客户 · 满意度 2.0 · 忠诚度 80%');
  });

  it('a daily regular is won back as "usually every day", not "every 1 days"', () => {
    const title = (language: 'en' | 'zh-Hant' | 'zh-Hans', rhythmDays: number) =>
      winBackKind.title({
        language,
        customerName: 'Sam',
        customer: { visitCount: 40, rhythmDays, daysAway: 22 },
        facts: {},
        note: '',
        format: { money: String, day: String },
      });
    expect(title('en', 1)).toBe('Win back Sam: usually every day — 22 days ago');
    expect(title('en', 9)).toBe('Win back Sam: usually every 9 days — 22 days ago');
    expect(title('zh-Hant', 1)).toBe('挽回 Sam：平常每天來，已 22 天沒來');
    expect(title('zh-Hans', 1)).toBe('挽回 Sam：平常每天来，已 22 天没来');
  });

  it('a profile says "1 loyalty point", "brought a customer" and "comes about every day"', async () => {
    const en = await translator('en');
    expect(en.t('loyalty:profile.points', { count: 1, points: 1, per: 3 })).toBe('1 loyalty point, not yet enough to lift the tier (every 3 points lift one):');
    expect(en.t('loyalty:profile.points', { count: 2, points: 2, per: 3 })).toBe('2 loyalty points, not yet enough to lift the tier (every 3 points lift one):');
    expect(en.t('loyalty:profile.pointsAtTop', { count: 1, points: 1 })).toBe('1 loyalty point; Key is the top tier, so they lift nothing further:');
    const explain = (language: 'en' | 'zh-Hant', signal: string, facts: Record<string, number>) =>
      loyaltySignalKind(signal)?.explain(language, { signal, points: 1, facts });
    expect(explain('en', 'referrals', { referrals: 1 })).toBe('+1 brought a customer who went on to buy');
    expect(explain('en', 'referrals', { referrals: 2 })).toBe('+1 brought 2 customers who went on to buy');
    expect(explain('en', 'steady_rhythm', { rhythmDays: 1 })).toBe('+1 steady rhythm: comes about every day and is not overdue');
    expect(explain('en', 'steady_rhythm', { rhythmDays: 6 })).toBe('+1 steady rhythm: comes about every 6 days and is not overdue');
    expect(explain('zh-Hant', 'steady_rhythm', { rhythmDays: 1 })).toBe('+1 來店穩定：大約每天都來，且沒有逾期');
  });

  it('the customers behind a chart are counted with the digits grouped, as the list counts them', async () => {
    expect((await translator('en')).t('loyalty:segments.count', { count: 1980 })).toBe('1,980 customers');
    expect((await translator('zh-Hant')).t('loyalty:segments.count', { count: 100000 })).toBe('100,000 位客戶');
    expect((await translator('en')).t('loyalty:chart.bubble', { count: 1200, satisfaction: '2.0', loyalty: '80%' })).toBe('1,200 customers · satisfaction 2.0 · loyalty 80%');
  });

  it('a curve of one spender says so instead of "the top 20% of 1 spending customers brought 100%"', async () => {
    expect((await translator('en')).t('loyalty:chart.paretoHeadlineOne', { revenue: '$12.50' })).toBe('One customer spent in these months: $12.50.');
    expect((await translator('zh-Hans')).t('loyalty:chart.paretoHeadlineOne', { revenue: 'US$12.50' })).toBe('这段期间只有 1 位客户有消费：US$12.50。');
  });

  it('the command line writes "1 visit" and "2 visits"', () => {
    expect(counted(1, 'visits')).toBe('1 visit');
    expect(counted(12000, 'visits')).toBe('12,000 visits');
    expect(formatCounts({ customers: 1, visits: 1, staff: 1 })).toBe('1 customer, 1 visit, 1 staff');
  });
});
