import { expect, test } from './fixtures';

const expectations = [
  { locale: 'zh-TW', nav: ['今日', '客戶', '櫃檯', '設定'], newCustomer: '新增客戶', required: '必填。' },
  { locale: 'zh-CN', nav: ['今日', '客户', '柜台', '设置'], newCustomer: '新建客户', required: '必填。' },
  { locale: 'en-US', nav: ['Today', 'Customers', 'Counter', 'Settings'], newCustomer: 'New customer', required: 'Required.' },
] as const;

for (const expected of expectations) {
  test.describe(`first run on a ${expected.locale} system`, () => {
    test.use({ locale: expected.locale });

    test('follows the system language, and every refusal is translated', async ({ page, app }) => {
      await app.open(page);
      const navigation = page.getByRole('navigation');
      for (const label of expected.nav) await expect(navigation.getByRole('link', { name: label })).toBeVisible();
      await navigation.getByRole('link', { name: expected.nav[1] }).click();
      // The page header's link; an empty book offers the same action in its welcome too.
      await page.getByRole('link', { name: expected.newCustomer }).first().click();
      await page.getByRole('button', { name: /儲存|保存|Save/ }).click();
      await expect(page.locator('.field-error').first()).toHaveText(expected.required);
      await expect(page.locator('html')).toHaveAttribute('lang', expected.locale === 'zh-TW' ? 'zh-Hant' : expected.locale === 'zh-CN' ? 'zh-Hans' : 'en');
    });
  });
}

test.describe('switching language', () => {
  test.use({ locale: 'en-US' });

  test('is instant, and kept after a restart of the page', async ({ page, app }) => {
    await app.open(page);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Language of the app').selectOption('zh-Hant');
    await expect(page.getByRole('heading', { name: '設定' })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: '客戶' })).toBeVisible();
    await page.getByLabel('介面語言').selectOption('zh-Hans');
    await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('navigation').getByRole('link', { name: '客户' })).toBeVisible();
    await page.getByLabel('界面语言').selectOption('');
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Customers' })).toBeVisible();
  });

  test('formats money and dates for the language', async ({ page, app }) => {
    await app.open(page);
    await page.keyboard.press('Alt+n');
    await page.getByLabel('Name', { exact: true }).fill('Ada');
    await page.getByLabel('Month').fill('2');
    await page.getByLabel('Day').fill('29');
    await page.keyboard.press('Control+Enter');
    await expect(page.locator('.facts')).toContainText('February 29');
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Language of the app').selectOption('zh-Hant');
    await page.getByLabel('幣別').selectOption('TWD');
    // The shop's section saves with its Save button, like every other section.
    await page.getByRole('button', { name: '儲存店家設定' }).click();
    await expect(page.getByText('設定已儲存。')).toBeVisible();
    await page.keyboard.press('Control+l');
    await expect(page.locator('input[role="combobox"]')).toBeFocused();
    await page.keyboard.type('Ada');
    await expect(page.locator('.picker-list [aria-selected="true"]')).toContainText('Ada');
    await page.keyboard.press('Enter');
    await page.keyboard.type('1200');
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('status')).toContainText('已登記來店：Ada，$1,200');
    await page.getByRole('complementary').getByRole('link', { name: 'Ada' }).click();
    await expect(page.locator('.facts')).toContainText('2月29日');
  });
});
