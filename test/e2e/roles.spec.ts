import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import { CustomerFormScreen, CustomersScreen } from './pages/customers';
import { OwnerControls } from './pages/owner';

test.use({ locale: 'en-US' });

const labels = { name: 'Name', phone: 'Phone 1', email: 'E-mail', notes: 'Notes' };

test('a newcomer sets a PIN, works as staff, is refused, unlocks, merges duplicates, undoes it, and reads it all in the audit trail', async ({ page, app }) => {
  await app.openFirstRun(page);
  const owner = new OwnerControls(page);
  const code = await owner.setUp({ shopName: 'Corner Café', pin: '2580' });
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);

  // Still the owner right after setup: name the staff, then hand the counter over.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('New staff member’s name').fill('Amy');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByRole('status')).toContainText('Amy added.');
  await owner.lock();
  await page.getByLabel('At the counter').selectOption({ label: 'Amy' });

  // Staff at the counter: two entries for one regular.
  const form = new CustomerFormScreen(page);
  await page.keyboard.press('Alt+n');
  await form.fill({ name: '王小明', phone: '0912-345-678' }, labels);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: '王小明' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Merge…' })).toHaveCount(0);
  await expect(page.getByText('Spent in total')).toHaveCount(0);
  await page.keyboard.press('Alt+n');
  await form.fill({ name: '王曉明', phone: '0933 000 111', email: 'xm@example.com' }, labels);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: '王曉明' })).toBeVisible();
  await page.getByRole('link', { name: 'Log visit' }).click();
  await page.getByLabel(/^Amount/).fill('88');
  await page.getByRole('button', { name: 'Log visit' }).click();
  await expect(page.getByRole('status')).toContainText('Visit logged: 王曉明');

  // Owner-only screens are not offered to staff; reached anyway, the core refuses them.
  const navigation = page.getByRole('navigation');
  await expect(navigation.getByRole('link', { name: 'Audit trail' })).toHaveCount(0);
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByText('Only the owner can change settings.')).toBeVisible();
  await expect(page.getByLabel('Shop name')).toBeDisabled();
  await page.goto(`${new URL(app.url).origin}/#/data`);
  await expect(page.locator('.data-page').getByRole('button', { name: 'Unlock…' })).toBeVisible();
  await page.goto(`${new URL(app.url).origin}/#/audit`);
  const refusal = page.getByRole('alert').filter({ hasText: 'Only the owner can do this. Unlock with the owner PIN first.' });
  await expect(refusal).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export CSV' })).toHaveCount(0);

  // The way in: a wrong PIN is refused, the right one unlocks, and the screen loads.
  await refusal.getByRole('button', { name: 'Unlock…' }).click();
  await owner.enterPin('1111');
  await expect(owner.dialog()).toContainText('That PIN is not right.');
  await owner.enterPin('2580');
  await expect(owner.dialog()).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Audit trail' })).toBeVisible();
  await expect(page.locator('.audit-list')).toContainText('Wrong PIN entered');

  // Merge the two records of one person, then undo it.
  const customers = new CustomersScreen(page);
  await customers.goto();
  await customers.find('王小明');
  await customers.row('王小明').click();
  await page.getByRole('link', { name: 'Merge…' }).click();
  await expect(page.getByRole('heading', { name: 'Likely the same person' })).toBeVisible();
  await page.locator('.merge-suggestions li').filter({ hasText: '王曉明' }).getByRole('button', { name: 'Choose' }).click();
  await expect(page.locator('.merge-table')).toContainText('xm@example.com');
  await expect(page.locator('.merge-moves')).toContainText('Visits: 1');
  await page.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(page.getByRole('heading', { name: '王小明' })).toBeVisible();
  await expect(page.locator('.phones')).toContainText('0933 000 111');
  await expect(page.locator('.timeline')).toContainText('$88');
  await expect(page.locator('.merge-history')).toContainText('王曉明 was merged into this record');
  await customers.goto();
  await customers.find('曉');
  await expect(page.getByText('No customer matches “曉”.')).toBeVisible();

  await customers.find('王小明');
  await customers.row('王小明').click();
  await page.getByRole('button', { name: 'Undo merge' }).click();
  await expect(page.getByRole('status')).toContainText('Merge undone: 王曉明 is back.');
  await expect(page.locator('.phones')).not.toContainText('0933 000 111');
  await customers.goto();
  await customers.find('曉');
  await customers.row('王曉明').click();
  await expect(page.locator('.timeline')).toContainText('$88');

  // All of it in the trail, with who did it.
  await page.getByRole('link', { name: 'Audit trail' }).click();
  const trail = page.locator('.audit-list');
  for (const action of [
    'Undid a merge',
    'Merged a duplicate into this customer',
    'Merged into another customer',
    'Unlocked as owner',
    'Wrong PIN entered',
    'Locked (back to staff mode)',
    'Added a staff member',
    'Set up Regulars and the owner PIN',
  ]) {
    await expect(trail.getByText(action, { exact: true }).first()).toBeVisible();
  }
  const created = trail.locator('.audit-entry').filter({ hasText: 'Added a customer' }).first();
  await expect(created).toContainText('Staff · Amy');
  await page.getByLabel('What happened').selectOption({ label: 'Undid a merge' });
  await expect(trail.locator('.audit-entry')).toHaveCount(2);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const csv = readFileSync(file, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv).toContain('Undid a merge');
  await expect(page.getByRole('status')).toContainText('2 entries exported');
});

test('a forgotten PIN is reset with the recovery code, and an archived customer is deleted for good after saying what goes', async ({ page, app }) => {
  const settings = (await app.rpc('settings-get', {})).value as { currency: string };
  const setup = (await app.rpc('auth-setup', { shopName: '', currency: settings.currency, language: null, pin: '2580' })).value as { recoveryCode: string };
  const customer = (await app.rpc('customers-create', { name: 'Grace Hopper', phones: ['0912 345 678'] })).value as { id: string };
  await app.rpc('visits-log', { customerId: customer.id, amountMinor: 1200 });
  await app.rpc('customers-archive', { id: customer.id });
  await app.rpc('auth-lock', {});
  await page.goto(app.url);
  const owner = new OwnerControls(page);
  await expect(owner.sidebar()).toContainText('Staff mode');

  await owner.sidebar().getByRole('button', { name: 'Unlock…' }).click();
  await owner.dialog().getByRole('button', { name: 'Forgot the PIN?' }).click();
  await owner.dialog().getByLabel('Recovery code').fill(setup.recoveryCode.toLowerCase());
  await owner.dialog().getByLabel('New PIN', { exact: true }).fill('4826');
  await owner.dialog().getByLabel('Type the new PIN again').fill('4826');
  await owner.dialog().getByRole('button', { name: 'Reset the PIN' }).click();
  await expect(owner.dialog().getByRole('heading', { name: 'Your recovery code' })).toBeVisible();
  await owner.dialog().getByLabel('I have written the recovery code down').check();
  await owner.dialog().getByRole('button', { name: 'Continue' }).click();
  await expect(owner.sidebar()).toContainText('Owner');
  await owner.lock();
  await owner.unlock('4826');

  await page.getByRole('link', { name: 'Archive' }).click();
  await page.locator('.archive-list li').filter({ hasText: 'Grace Hopper' }).getByRole('button', { name: 'Delete for good…' }).click();
  const confirmation = owner.dialog();
  await expect(confirmation.getByRole('heading', { name: 'Delete Grace Hopper for good?' })).toBeVisible();
  await expect(confirmation).toContainText('Visits: 1');
  await expect(confirmation).toContainText('Phones: 1');
  await expect(confirmation).toContainText('The audit trail keeps its 2 entries about them.');
  await expect(confirmation).not.toContainText('This book is shared');
  await confirmation.getByRole('button', { name: 'Delete for good' }).click();
  await expect(page.getByRole('status')).toContainText('Grace Hopper deleted for good.');
  await expect(page.getByText('No archived customers.')).toBeVisible();
});
