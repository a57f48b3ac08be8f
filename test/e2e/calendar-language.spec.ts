import { expect, test } from './fixtures';

/**
 * An English browser, a shop that reads Chinese: the days and months people choose are named in the
 * app's language, not the browser's (a native date input would say "mm/dd/yyyy" and "December").
 */
test.describe('choosing days and months', () => {
  test.use({ locale: 'en-US', timezoneId: 'Asia/Taipei' });

  test('speaks the app’s language in an English browser, and a day can be chosen with the keyboard', async ({ page, app }) => {
    await app.open(page);
    const customer = (await app.rpc('customers-create', { name: '林美華' })).value as { id: string };
    expect((await app.rpc('settings-update', { language: 'zh-Hant', timeZone: 'Asia/Taipei' })).ok).toBe(true);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei' }).format(new Date());
    expect((await app.rpc('reminders-create', { customerId: customer.id, dueDay: today, note: '回訪', staffId: null })).ok).toBe(true);
    await page.reload();
    await page.getByRole('button', { name: '延後' }).first().click();
    const field = page.getByLabel('延到');
    // Two days ahead, written the way the app writes dates in Traditional Chinese.
    const inTwoDays = new Date(Date.parse(`${today}T00:00:00Z`) + 2 * 86_400_000);
    const chinese = (date: Date) => new Intl.DateTimeFormat('zh-Hant', { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
    await expect(field).toHaveText(chinese(inTwoDays));

    await field.click();
    const calendar = page.getByRole('dialog', { name: '月曆' });
    await expect(calendar).toBeVisible();
    await expect(calendar.getByRole('grid')).toHaveAccessibleName(/\d{4}年\d{1,2}月/);
    // Weeks start on Sunday in Taiwan, named in Chinese.
    await expect(calendar.locator('.rdp-weekday').first()).toHaveText('日');
    // The chosen day has the focus: one day on with the arrow key, and Enter takes it.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect(calendar).toBeHidden();
    const inThreeDays = new Date(inTwoDays.getTime() + 86_400_000);
    await expect(field).toHaveText(chinese(inThreeDays));
    await expect(field).toBeFocused();

    // Escape closes the calendar without leaving the snooze panel.
    await field.click();
    await page.keyboard.press('Escape');
    await expect(calendar).toBeHidden();
    await page.getByRole('button', { name: '延到這一天' }).click();
    // Snoozed: the undo toast offers it back.
    await expect(page.getByRole('button', { name: '復原' })).toBeVisible();

    await page.getByRole('link', { name: '忠誠度' }).click();
    const from = page.getByRole('combobox', { name: '從' });
    await expect(from.locator('option:checked')).toHaveText(/^\d{4}年\d{1,2}月$/);
  });
});
