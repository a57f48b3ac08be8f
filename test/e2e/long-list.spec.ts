import { expect, startSeededBrowserMode, test } from './fixtures';
import { CustomersScreen } from './pages/customers';

test.use({ locale: 'en-US' });

test('a long list scrolls end to end while its pages load, and clearing a search brings it back whole', async ({ page }) => {
  const { app, stop } = await startSeededBrowserMode({ customers: 1200, visits: 2400, seed: 5, lang: 'en_US.UTF-8' });
  try {
    await app.open(page);
    const customers = new CustomersScreen(page);
    await customers.goto();
    const total = Number((await page.locator('.page-subtitle').filter({ hasText: /customers$/ }).innerText()).replace(/\D/g, ''));
    expect(total).toBeGreaterThan(1000);
    const list = page.getByRole('listbox');
    // Straight to pages the screen has not loaded yet, then back up: the list keeps its length meanwhile.
    for (const fraction of [0.5, 1, 0.25, 0.9]) {
      await list.evaluate((element, to) => element.scrollTo({ top: element.scrollHeight * to }), fraction);
      await expect(list.locator('.row-name').first()).toBeVisible();
    }
    await list.press('End');
    await expect(page.locator(`#customer-row-${total - 1} .row-name`)).toBeVisible();

    await customers.find('zz-nobody');
    await expect(page.getByText('No customer matches “zz-nobody”.')).toBeVisible();
    await customers.find('');
    await expect(list.locator('.row-name').first()).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  } finally {
    await stop();
  }
});
