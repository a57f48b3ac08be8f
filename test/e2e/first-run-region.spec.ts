import { expect, test } from './fixtures';

test.describe('first run on a Taiwanese computer', () => {
  test.use({ locale: 'zh-TW', timezoneId: 'UTC' });

  test('setup asks the country, prefilled Taiwan with TWD and Taipei time; Taiwanese mobiles are stored with +886', async ({ page, app }) => {
    await app.openFirstRun(page);
    await expect(page.getByLabel('國家或地區')).toHaveValue('TW');
    await expect(page.getByLabel('幣別')).toHaveValue('TWD');
    await expect(page.getByLabel('時區', { exact: true })).toHaveValue('Asia/Taipei');
    // Zones read by name and city in the app's language, and narrow as you type.
    // Cities in the app's language (CLDR), found by that name or by the English one of the zone's id.
    await page.getByLabel('搜尋時區（城市或名稱）').fill('東京');
    await expect(page.getByLabel('時區', { exact: true }).locator('option', { hasText: '東京 — ' })).toHaveCount(1);
    await page.getByLabel('搜尋時區（城市或名稱）').fill('Tokyo');
    await expect(page.getByLabel('時區', { exact: true }).locator('option', { hasText: '東京 — ' })).toHaveCount(1);
    await page.getByLabel('搜尋時區（城市或名稱）').fill('');
    await page.getByLabel('店名').fill('小巷咖啡');
    // Too easy a PIN is refused; the next try is told only what is wrong with it.
    await page.getByLabel('密碼或密語').fill('1234');
    await page.getByLabel('再輸入一次').fill('1234');
    await page.getByRole('button', { name: '完成設定' }).click();
    await expect(page.getByText('太容易猜到（例如 1234 或 0000），請換一個。')).toBeVisible();
    await page.getByLabel('密碼或密語').fill('2580');
    await page.getByLabel('再輸入一次').fill('2581');
    await page.getByRole('button', { name: '完成設定' }).click();
    await expect(page.getByText('兩次輸入不一致。')).toBeVisible();
    await expect(page.getByText('太容易猜到（例如 1234 或 0000），請換一個。')).toHaveCount(0);
    await page.getByLabel('再輸入一次').fill('2580');
    await page.getByRole('button', { name: '完成設定' }).click();
    await expect(page.getByRole('heading', { name: '您的復原碼' })).toBeVisible();
    expect(await app.rpc('settings-get', {})).toMatchObject({ value: { country: 'TW', currency: 'TWD', timeZone: 'Asia/Taipei' } });
    const customer = await app.rpc('customers-create', { name: '林美華', phones: ['0922 333 444'] });
    expect(customer).toMatchObject({ value: { phones: [{ e164: '+886922333444' }] } });
  });
});

test.describe('printing the call list', () => {
  test.use({ locale: 'en-US' });

  test('leaves out the backup banner', async ({ page, app }) => {
    await app.open(page);
    // A backup that failed puts the banner on every screen until one succeeds.
    await app.rpc('backup-create', { folder: '/proc/regulars-cannot-write-here' });
    const banner = page.locator('.backup-banner');
    await expect(banner).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(banner).toBeHidden();
  });
});
