import { referralsMessages } from '../../renderer/src/features/referrals/i18n';
import { commonMessages } from '../../renderer/src/app/locales/common';
import { customersMessages } from '../../renderer/src/features/customers/i18n';
import { appLocales, expect, test } from './fixtures';
import { CounterScreen } from './pages/counter';
import { ReferralsScreen } from './pages/referrals';


for (const { locale, language } of appLocales) {
  test.describe(`referrals in ${locale}`, () => {
    test.use({ locale });

    test('sign up B referred by A at the counter, log B’s first purchase, hand A the reward, and see the tree and leaderboard', async ({ app, page }) => {
      const words = referralsMessages[language];
      const common = commonMessages[language];
      // Whole sentences with the names in place, as read on screen (the markup around a name is a link).
      const fill = (template: string, values: Record<string, string | number>) =>
        template.replace(/<\/?\w+>/g, '').replace(/\{\{(\w+)(?:, *number)?\}\}/g, (_, key: string) => String(values[key]));
      await app.rpc('customers-create', { name: '林美玲', phones: ['0912 345 678'] });
      await app.open(page);

      // Sign-up: name, then the referrer found inline by the last digits of her phone, Enter, Ctrl+Enter.
      await page.keyboard.press('Alt+n');
      await expect(page.getByLabel(customersMessages[language].form.name, { exact: true })).toBeFocused();
      await page.keyboard.type('陳志明');
      const referredBy = page.getByRole('combobox', { name: words.field.label });
      await referredBy.focus();
      await page.keyboard.type('5678');
      await expect(page.locator('.picker-list [role="option"][aria-selected="true"]')).toContainText('林美玲');
      await page.keyboard.press('Enter');
      await expect(page.locator('.referrer-chosen')).toContainText('林美玲');
      await page.keyboard.press('Control+Enter');
      await expect(page.getByRole('heading', { name: '陳志明' })).toBeVisible();
      await expect(page.locator('.referred-by')).toHaveText(fill(words.tree.referredBy, { name: '林美玲' }));

      // His first purchase earns her reward.
      await page.keyboard.press('Control+l');
      await new CounterScreen(page).logVisitByKeyboard({ find: '陳志明', pick: '陳志明', amount: '350', items: '', note: '', level: 2 });
      await expect(page.getByRole('status').filter({ hasText: '陳志明' }).first()).toBeVisible();

      const referrals = new ReferralsScreen(page);
      await referrals.goto(common.nav.referrals);
      const ledger = referrals.section(words.page.ledger);
      const reward = referrals.reward(ledger, '林美玲');
      await expect(reward).toContainText(words.reward.states.earned);
      await expect(reward.locator('.reward-sentence')).toContainText(fill(words.reward.forBringingBy, { referrer: '林美玲', customer: '陳志明', reward: '' }).trim());
      await expect(referrals.section(words.page.recent)).toContainText(fill(words.page.recentLine, { referrer: '林美玲', customer: '陳志明' }));
      await reward.getByRole('button', { name: words.reward.give }).click();
      await expect(page.getByRole('status').first()).toContainText(fill(words.reward.given, { name: '陳志明' }));
      await expect(ledger.locator('.reward-item')).toHaveCount(0);
      await ledger.getByText(words.page.filters.given, { exact: true }).click();
      await expect(referrals.reward(ledger, '林美玲')).toContainText(words.reward.states.given);

      const leaderboard = referrals.section(words.page.leaderboard);
      await expect(leaderboard.getByRole('row', { name: /林美玲/ })).toContainText('1');

      await leaderboard.getByRole('link', { name: '林美玲' }).click();
      await expect(page.locator('.referral-counts')).toHaveText(fill(words.tree.counts_one, { direct: 1, total: 1, count: 1 }));
      await expect(page.locator('.referral-tree')).toContainText('陳志明');
      await expect(page.locator('.timeline')).toContainText(fill(words.timeline.brought, { name: '陳志明' }));

      // Archived, he stays in the tree of whom she brought, marked so in words.
      const chen = page.locator('.referral-node').filter({ hasText: '陳志明' });
      await expect(chen).not.toContainText(words.tree.archived);
      const chenId = (await chen.getByRole('link').getAttribute('href'))?.split('/').pop() ?? '';
      await app.rpc('customers-archive', { id: chenId });
      await page.reload();
      await expect(chen).toContainText(words.tree.archived);
    });
  });
}

test.describe('referral refusals', () => {
  test.use({ locale: 'en-US' });

  test('a customer cannot be made the referrer of the one who brought them', async ({ app, page }) => {
    const amy = (await app.rpc('customers-create', { name: 'Amy Chen' })).value as { id: string };
    const ben = (await app.rpc('customers-create', { name: 'Ben Lee' })).value as { id: string };
    await app.rpc('referrals-set', { customerId: ben.id, referrerId: amy.id });
    await app.open(page);
    await page.goto(`${new URL(app.url).origin}/#/customers/${amy.id}/edit`);
    await page.getByRole('combobox', { name: 'Referred by' }).fill('Ben Lee');
    await expect(page.locator('.picker-list [role="option"][aria-selected="true"]')).toContainText('Ben Lee');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('alert')).toContainText('That would make a loop');
  });
});
