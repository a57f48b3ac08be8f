import { expect, test } from './fixtures';
import { CustomerFormScreen } from './pages/customers';

const labels = { name: 'Name', phone: 'Phone 1', email: 'E-mail', notes: 'Notes' };

test.use({ locale: 'en-US', viewport: { width: 1280, height: 640 } });

test('a possible duplicate holds a keyboard save back until someone says it is another customer', async ({ page, app }) => {
  await app.open(page);
  const existing = await app.rpc('customers-create', { name: '林美華', phones: ['0922 333 444'] });
  expect(existing.ok).toBe(true);
  const form = new CustomerFormScreen(page);

  await page.keyboard.press('Alt+n');
  await expect(page.getByRole('heading', { name: 'New customer' })).toBeVisible();
  await form.fill({ name: '林小姐', phone: '0922333444' }, labels);
  // Faster than the typing check: the save itself looks for duplicates.
  await page.keyboard.press('Control+Enter');

  const warning = form.duplicateWarning();
  await expect(warning).toBeInViewport();
  await expect(warning).toContainText('林美華');
  await expect(warning).toContainText('Not saved yet');
  const anyway = page.getByRole('checkbox', { name: 'This is another customer — save anyway' });
  await expect(anyway).toBeFocused();
  await expect(page.getByRole('heading', { name: 'New customer' })).toBeVisible();

  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { name: 'New customer' })).toBeVisible();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'New customer' })).toBeVisible();
  const listed = await app.rpc('customers-search', { query: '3444' });
  expect((listed.value as { rows: unknown[] }).rows).toHaveLength(1);

  await page.keyboard.press('Space');
  await expect(anyway).toBeChecked();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { name: '林小姐' })).toBeVisible();
});
