import { expect, test } from './fixtures';
import { CounterScreen } from './pages/counter';
import { CustomerFormScreen, CustomersScreen } from './pages/customers';

const labels = { name: 'Name', phone: 'Phone 1', email: 'E-mail', notes: 'Notes' };

test.use({ locale: 'en-US' });

test('a newcomer adds customers, is warned of a duplicate, finds one and logs a visit from the keyboard', async ({ page, app }) => {
  await app.open(page);
  const customers = new CustomersScreen(page);
  const form = new CustomerFormScreen(page);

  await customers.goto();
  await expect(page.getByText('No customers yet')).toBeVisible();

  await page.keyboard.press('Alt+n');
  await expect(page.getByRole('heading', { name: 'New customer' })).toBeVisible();
  await form.fill({ name: '王小明', phone: '0912-345-678' }, labels);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: '王小明' })).toBeVisible();

  await page.keyboard.press('Alt+n');
  await form.fill({ name: 'Sophie Chan', phone: '0922 111 222' }, labels);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { name: 'Sophie Chan' })).toBeVisible();

  await page.keyboard.press('Alt+n');
  await form.fill({ name: '王曉明', phone: '+886 912 345 678' }, labels);
  await expect(form.duplicateWarning()).toContainText('王小明');
  await expect(form.duplicateWarning()).toContainText('same phone');
  await page.getByRole('button', { name: 'Cancel' }).click();

  await customers.goto();
  await customers.find('5678');
  await expect(customers.rows()).toHaveCount(1);
  await expect(customers.row('王小明')).toBeVisible();
  await customers.find('王小');
  await expect(customers.rows()).toHaveCount(1);
  await customers.find('sophie');
  await expect(customers.row('Sophie Chan')).toBeVisible();
  await customers.find('');
  await expect(customers.rows()).toHaveCount(2);

  await page.keyboard.press('Control+l');
  const counter = new CounterScreen(page);
  await counter.logVisitByKeyboard({ find: '5678', pick: '王小明', amount: '120', items: 'Latte', note: 'oat milk', level: 2 });
  await expect(page.getByRole('status')).toContainText('Visit logged: 王小明, $120');
  await expect(counter.picker()).toBeFocused();

  await page.keyboard.press('Control+f');
  await expect(customers.search).toBeFocused();
  await customers.find('王小');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '王小明' })).toBeVisible();
  const timeline = page.getByRole('region', { name: 'Timeline' }).or(page.locator('.timeline'));
  await expect(timeline).toContainText('$120');
  await expect(timeline).toContainText('Latte');
  await expect(timeline).toContainText('oat milk');
  await expect(timeline).toContainText('Will buy again');
});

test('a walk-in without a customer and a phone call both land where they belong', async ({ page, app }) => {
  await app.open(page);
  await page.keyboard.press('Alt+n');
  await page.getByLabel('Name', { exact: true }).fill('Ada Lovelace');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: 'Ada Lovelace' })).toBeVisible();

  await page.keyboard.press('Control+l');
  const counter = new CounterScreen(page);
  await expect(counter.picker()).toBeFocused();
  await page.keyboard.type('nobody here');
  await page.keyboard.press('Enter');
  await expect(page.getByText('No customer matches. Add them from Customers.')).toBeVisible();
  await expect(counter.picker()).toBeFocused();
  await counter.picker().fill('');
  await counter.logVisitByKeyboard({ find: '', pick: 'Walk-in', amount: '45.5', items: '', note: '', level: 1 });
  await expect(page.getByRole('status')).toContainText('Visit logged: Walk-in (no customer), $45.50');
  await expect(page.getByRole('complementary')).toContainText('$45.50');

  await page.getByRole('tab', { name: 'Contact' }).click();
  await expect(counter.picker()).toBeFocused();
  await page.keyboard.type('ada');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Called about her birthday cake');
  await page.getByRole('button', { name: 'Log contact' }).click();
  await expect(page.getByRole('status')).toContainText('Contact logged: Ada Lovelace');

  await page.getByRole('complementary').getByRole('link', { name: 'Ada Lovelace' }).click();
  await expect(page.locator('.timeline')).toContainText('Called about her birthday cake');
  await expect(page.locator('.timeline')).toContainText('Contact');
});

test('archiving takes a customer out of search and the counter until restored', async ({ page, app }) => {
  await app.open(page);
  await page.keyboard.press('Alt+n');
  await page.getByLabel('Name', { exact: true }).fill('Grace Hopper');
  await page.keyboard.press('Control+Enter');
  await page.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByText(/Archived on/)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Log visit' })).toHaveCount(0);

  const customers = new CustomersScreen(page);
  await customers.goto();
  await customers.find('grace');
  await expect(page.getByText('No customer matches “grace”.')).toBeVisible();
  await page.getByLabel('Show archived').check();
  await customers.row('Grace Hopper').click();
  await page.getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByRole('link', { name: 'Log visit' })).toBeVisible();
});

test('a fast typist loses no keystrokes between picking a customer and the next field', async ({ page, app }) => {
  await app.open(page);
  await page.keyboard.press('Alt+n');
  await page.getByLabel('Name', { exact: true }).fill('陳美玲');
  await page.getByLabel('Phone 1').fill('0933 456 789');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { name: '陳美玲' })).toBeVisible();

  await page.keyboard.press('Control+l');
  await expect(page.locator('input[role="combobox"]')).toBeFocused();
  await page.keyboard.type('6789');
  await page.keyboard.press('Enter');
  await page.keyboard.type('88');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Mocha');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status')).toContainText('Visit logged: 陳美玲, $88');
  await page.getByRole('complementary').getByRole('link', { name: '陳美玲' }).click();
  await expect(page.locator('.timeline')).toContainText('Mocha');

  await page.keyboard.press('Control+l');
  await page.getByRole('tab', { name: 'Contact' }).click();
  await expect(page.locator('input[role="combobox"]')).toBeFocused();
  await page.keyboard.type('陳美');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Called back about the order');
  await page.getByRole('button', { name: 'Log contact' }).click();
  await expect(page.getByRole('status')).toContainText('Contact logged: 陳美玲');
  await page.getByRole('complementary').getByRole('link', { name: '陳美玲' }).first().click();
  await expect(page.locator('.timeline')).toContainText('Called back about the order');
});

test('on a small screen the sidebar scrolls on its own: the page stays put and the staff picker is reached', async ({ page, app }) => {
  await app.rpc('staff-create', { name: 'Amy' });
  await page.setViewportSize({ width: 1024, height: 480 });
  await app.open(page);
  const picker = page.getByLabel('At the counter');
  await picker.scrollIntoViewIfNeeded();
  await expect(picker).toBeInViewport();
  await picker.selectOption({ label: 'Amy' });
  expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0);
  expect(await page.locator('.sidebar').evaluate((sidebar) => sidebar.scrollHeight > sidebar.clientHeight)).toBe(true);
});

test('a long profile scrolls inside the page: the window itself never scrolls, sidebar and all', async ({ page, app }) => {
  const amy = (await app.rpc('customers-create', { name: 'Amy Chen' })).value as { id: string };
  for (let index = 0; index < 40; index += 1) {
    const brought = (await app.rpc('customers-create', { name: `Friend ${index}` })).value as { id: string };
    await app.rpc('referrals-set', { customerId: brought.id, referrerId: amy.id });
  }
  await app.open(page);
  await page.goto(`${new URL(app.url).origin}/#/customers/${amy.id}`);
  await expect(page.locator('.referral-tree li')).toHaveCount(40);
  // The tree's levels are labelled for screen readers by text placed out of sight, far down the page.
  expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0);
  expect(await page.evaluate(() => (window.scrollTo(0, 500), window.scrollY))).toBe(0);
});
