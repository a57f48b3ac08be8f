import { expect, test } from './fixtures';

test.use({ locale: 'en-US' });

test('bad input is explained next to the field and saves nothing', async ({ page, app }) => {
  await app.open(page);
  await page.keyboard.press('Alt+n');
  await page.getByLabel('Name', { exact: true }).fill('Ada');
  await page.getByLabel('Phone 1').fill('call me maybe');
  await page.getByLabel('E-mail').fill('ada@');
  await page.getByLabel('Notes').fill('x'.repeat(20_001));
  await page.getByLabel('Month').fill('2');
  await page.getByLabel('Day').fill('30');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Some fields need attention.' })).toBeVisible();
  await expect(page.getByText('Not a phone number (6–15 digits).')).toBeVisible();
  await expect(page.getByText('Not an e-mail address.')).toBeVisible();
  await expect(page.getByText('Too long: at most 20000 characters.')).toBeVisible();
  await expect(page.getByText('Not a real date.')).toBeVisible();
  await expect(page.getByLabel('Phone 1')).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByText('No customers yet')).toBeVisible();
});

test('an amount that is not an amount is refused at the counter', async ({ page, app }) => {
  await app.open(page);
  await page.keyboard.press('Control+l');
  await expect(page.locator('input[role="combobox"]')).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.type('12,0.0.5');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByText('Type an amount like 120 or 120.50.')).toBeVisible();
  await expect(page.getByText('Nothing logged yet today.')).toBeVisible();
});

test('the data endpoint refuses callers without the session token', async ({ page, app }) => {
  const origin = new URL(app.url).origin;
  const response = await page.request.post(`${origin}/rpc`, { data: { name: 'customers-list', input: {} } });
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  await page.goto(origin);
  await expect(page.getByRole('alert')).toContainText('This page is not connected to Regulars');
});

test('the served page carries the strict content security policy', async ({ page, app }) => {
  await app.open(page);
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
});
