import { expect, test } from './fixtures';
import { CustomersScreen } from './pages/customers';

test.use({ locale: 'en-US' });

test('a search overtaken by the next keystroke is cancelled, and its late answer never replaces the newer one', async ({ page, app }) => {
  for (const name of ['Ada Lovelace', 'Adam Smith', 'Grace Hopper']) expect((await app.rpc('customers-create', { name })).ok).toBe(true);
  await app.open(page);
  const customers = new CustomersScreen(page);
  await customers.goto();

  // The answer to "A" is held back, as a slow answer would be; "Ad" is typed meanwhile.
  const abandoned: string[] = [];
  page.on('requestfailed', (request) => {
    const body = request.postDataJSON() as { name?: string; input?: { query?: string } } | null;
    if (body?.name === 'customers-search') abandoned.push(body.input?.query ?? '');
  });
  let heldBack!: () => void;
  const held = new Promise<void>((resolve) => (heldBack = resolve));
  let askedForA!: () => void;
  const asked = new Promise<void>((resolve) => (askedForA = resolve));
  await page.route('**/rpc', async (route) => {
    const body = route.request().postDataJSON() as { name?: string; input?: { query?: string } };
    if (body.name === 'customers-search' && body.input?.query === 'A') {
      askedForA();
      await held;
      await route.continue().catch(() => undefined);
      return;
    }
    await route.continue();
  });

  await customers.search.focus();
  await page.keyboard.type('A');
  await asked;
  await page.keyboard.type('d');
  const status = page.locator('.list-status[data-query="Ad"]');
  await expect(status).toHaveText('2 matches');
  await expect(customers.rows()).toHaveCount(2);
  await expect.poll(() => abandoned).toEqual(['A']);
  heldBack();
  // The late answer to "A" never replaces the answer to what is typed.
  await page.waitForTimeout(300);
  await expect(status).toBeVisible();
  await expect(customers.rows()).toHaveCount(2);
});
