import { commonMessages } from '../../renderer/src/app/locales/common';
import { reminderKind } from '../../shared/reminders/kinds';
import { counterMessages } from '../../renderer/src/features/counter/i18n';
import { customersMessages } from '../../renderer/src/features/customers/i18n';
import { appLocales, expect, test, type RunningApp } from './fixtures';


const daysFromNow = (days: number): Date => new Date(Date.now() + days * 86_400_000);

/** 林美華: a regular with a note, a tag, a birthday in two days, a reward earned and a complaint open. */
const regular = async (app: RunningApp): Promise<string> => {
  await app.rpc('referrals-rules-update', { rewardKind: 'gift', rewardValue: 0, rewardGift: 'Latte', minFirstPurchaseMinor: 0 });
  const birthday = daysFromNow(2);
  const created = await app.rpc('customers-create', {
    name: '林美華',
    notes: '喜歡燕麥拿鐵，少冰',
    tags: ['VIP'],
    birthday: { month: birthday.getMonth() + 1, day: birthday.getDate() },
  });
  const mei = (created.value as { id: string }).id;
  for (const days of [27, 18, 9]) await app.rpc('visits-log', { customerId: mei, amountMinor: 15000, occurredAt: daysFromNow(-days).toISOString() });
  const friend = ((await app.rpc('customers-create', { name: '陳大文' })).value as { id: string }).id;
  await app.rpc('referrals-set', { customerId: friend, referrerId: mei });
  await app.rpc('visits-log', { customerId: friend, amountMinor: 12000 });
  await app.rpc('complaints-log', { customerId: mei, channel: 'in_person', category: 'product_quality', severity: 'low', description: 'Milk was sour' });
  return mei;
};

for (const { locale, language } of appLocales) {
  test.describe(`the counter knows the customer, in ${locale}`, () => {
    test.use({ locale });

    test('pinyin initials find 林美華; her card shows the note, rhythm, birthday, reward and complaint; the reward is handed over and a note added from it', async ({ app, page }) => {
      const words = counterMessages[language];
      const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(values[key]));
      const mei = await regular(app);
      await app.open(page);
      await page.getByRole('link', { name: commonMessages[language].nav.counter }).click();

      // No Chinese keyboard needed: the initials find her.
      await page.locator('input[role="combobox"]').fill('lmh');
      await expect(page.locator('.picker-list [role="option"][aria-selected="true"]')).toContainText('林美華');
      await page.keyboard.press('Enter');

      const card = page.getByRole('region', { name: fill(words.card.label, { name: '林美華' }) });
      await expect(card).toContainText('喜歡燕麥拿鐵，少冰');
      await expect(card).toContainText('VIP');
      await expect(card).toContainText(fill(words.card.rhythm_other, { count: 9 }));
      await expect(card.locator('.counter-card-birthday')).toBeVisible();
      await expect(card.locator('.counter-card-complaint a')).toHaveAttribute('href', /\/complaints\//);
      await page.screenshot({ path: `test-results/counter-card-${language}.png`, fullPage: true });

      // Handed over by mistake: the one undo pattern puts it back on the card.
      await card.getByRole('button', { name: words.card.handOver }).click();
      const handedOver = page.getByRole('status').filter({ hasText: fill(words.card.handedOver, { name: '林美華' }) });
      await expect(handedOver).toBeVisible();
      await expect(card.locator('.counter-card-reward')).toHaveCount(0);
      await handedOver.getByRole('button', { name: commonMessages[language].actions.undo }).click();
      await expect(page.getByRole('status').filter({ hasText: commonMessages[language].undone })).toBeVisible();
      await expect(card.locator('.counter-card-reward')).toHaveCount(1);

      const note = card.getByRole('textbox', { name: customersMessages[language].quickNote.label });
      await note.fill('沒有燕麥奶時改豆漿');
      await note.press('Enter');
      await expect(card.locator('.counter-card-note')).toContainText('沒有燕麥奶時改豆漿');
      // The visit form was not set off by the note's Enter.
      await expect(page.locator('.selected-customer')).toContainText('林美華');

      // Her profile lists the birthday greeting under the birthday, not under the day it came up (three days before).
      const birthday = daysFromNow(2);
      const birthdayText = new Intl.DateTimeFormat(language, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.UTC(birthday.getFullYear(), birthday.getMonth(), birthday.getDate()));
      await page.goto(`${app.url.split('#')[0]}#/customers/${mei}`);
      const greeting = page.locator('.standing-reminders li').filter({ hasText: reminderKind('birthday')!.label[language] });
      await expect(greeting).toContainText(birthdayText);
    });

    test('the customer list sorts by visits from its column header and filters by tag; a customer who never came reads "never"', async ({ app, page }) => {
      const words = customersMessages[language].list;
      await regular(app);
      await app.rpc('customers-create', { name: 'Dora', tags: ['VIP'] });
      await app.open(page);
      await page.getByRole('link', { name: commonMessages[language].nav.customers }).click();
      const rows = page.locator('.virtual-list [role="option"]');

      await page.getByRole('button', { name: words.columns.visits, exact: true }).click();
      await expect(page.getByRole('button', { name: words.columns.visits, exact: true })).toHaveAttribute('aria-pressed', 'true');
      await expect(rows.first()).toContainText('林美華');
      await expect(rows.first()).toContainText('3');

      await page.getByRole('searchbox', { name: words.filters.tag }).fill('vip');
      await expect(rows).toHaveCount(2);
      await expect(rows.nth(1)).toContainText('Dora');
      await expect(rows.nth(1)).toContainText(words.never);
      await page.screenshot({ path: `test-results/customer-list-${language}.png`, fullPage: true });

      // Pinyin in the search box finds her too.
      await page.getByRole('searchbox', { name: words.searchLabel }).fill('lin mei');
      await expect(rows).toHaveCount(1);
      await expect(rows.first()).toContainText('林美華');
    });
  });
}
