import { expect, ownerPin, test } from './fixtures';
import { ComplaintsScreen } from './pages/complaints';
import { OwnerControls } from './pages/owner';

test.use({ locale: 'en-US' });

test('a newcomer logs a complaint, watches its countdown, escalates a compensation to the owner, resolves it, records satisfaction, and finds it on the timeline and in the stats', async ({
  page,
  app,
}) => {
  await app.open(page);
  await app.rpc('staff-create', { name: 'Amy' });
  await app.rpc('customers-create', { name: 'Grace Hopper', phones: ['0912 345 678'] });
  await app.rpc('settings-update', { currency: 'TWD' });
  const owner = new OwnerControls(page);
  await page.reload();
  await owner.lock();
  await page.getByLabel('At the counter').selectOption({ label: 'Amy' });

  const complaints = new ComplaintsScreen(page);
  await complaints.open();
  await complaints.log({ customer: 'Grace', about: 'Product quality', severity: 'High', description: 'The milk in her latte was sour' });

  // The complaint's own page: its promises counting down, owned by the staff member at the counter.
  await expect(page.getByRole('heading', { name: 'Grace Hopper · Product quality' })).toBeVisible();
  await expect(complaints.stateBadge()).toHaveText('Open');
  await expect(page.locator('.complaint-promises .promise').first()).toContainText(/Reply by .* (1 h 59 min|2 h 0 min) left/);
  await expect(page.getByText('Carried by Amy')).toBeVisible();

  await complaints.form('Acknowledge').getByLabel('Note').fill('Called her back');
  await complaints.form('Acknowledge').getByRole('button', { name: 'Acknowledge' }).click();
  await expect(complaints.stateBadge()).toHaveText('Acknowledged');
  await expect(page.locator('.complaint-promises .promise').first()).toContainText('kept');

  // A refund above the staff limit is refused, then escalated to the owner.
  const resolve = complaints.form('Resolve');
  await resolve.getByLabel('How it was resolved').fill('Refunded in full');
  await resolve.getByLabel('Compensation').selectOption({ label: 'Refund' });
  await resolve.getByLabel(/^Amount/).fill('800');
  await resolve.getByRole('button', { name: 'Resolve' }).click();
  await expect(page.getByRole('alert')).toContainText('This compensation is above the staff limit.');
  // Every refusal the owner could lift offers Unlock; the request to the owner keeps what was typed.
  await expect(page.getByRole('alert').getByRole('button', { name: 'Unlock…' })).toBeVisible();
  const escalate = complaints.form('Escalate to the owner');
  await expect(escalate.getByLabel('Compensation')).toHaveValue('refund');
  await expect(escalate.getByLabel(/^Amount/)).toHaveValue('800');
  await escalate.getByLabel('Why').fill('A regular for years');
  await escalate.getByRole('button', { name: 'Escalate to the owner' }).click();
  const waiting = page.getByRole('group', { name: 'Waiting for the owner' });
  await expect(waiting).toContainText('Refund');
  await expect(waiting).toContainText('The owner decides');

  // The owner unlocks with the PIN and approves; back at the counter, staff resolve as approved.
  await waiting.getByRole('button', { name: 'Unlock…' }).click();
  await owner.enterPin(ownerPin);
  await expect(waiting).toContainText('800');
  await waiting.getByLabel('Owner’s note').fill('Yes, refund it');
  await waiting.getByRole('button', { name: 'Approve' }).click();
  await expect(page.locator('.toasts')).toContainText('Approved.');
  await owner.lock();
  await expect(complaints.form('Resolve')).toContainText('The owner approved: Refund');
  await complaints.form('Resolve').getByLabel('How it was resolved').fill('Refunded in full');
  await complaints.form('Resolve').getByRole('button', { name: 'Resolve' }).click();
  await expect(complaints.stateBadge()).toHaveText('Resolved');
  await expect(page.locator('.complaint-facts')).toContainText('Amount visible to the owner');

  // The follow-up: how does she feel about it now?
  const followUp = complaints.form('Record follow-up');
  await followUp.getByRole('radio', { name: /Will buy again/ }).click();
  await followUp.getByRole('button', { name: 'Record follow-up' }).click();
  await expect(complaints.stateBadge()).toHaveText('Followed up');
  await expect(page.locator('.complaint-facts')).toContainText('Will buy again');
  await expect(page.locator('.complaint-steps')).toContainText('Owner approved');
  // Decided with the owner unlocked: the owner's step, whoever was chosen at the counter.
  await expect(page.locator('.complaint-step').filter({ hasText: 'Owner approved' })).toContainText('by the owner');
  await expect(page.locator('.complaint-step').filter({ hasText: 'Owner approved' })).not.toContainText('Amy');

  // On her timeline, and in the stats.
  await page.getByRole('link', { name: 'Open customer' }).click();
  const complaintEntry = page.locator('.timeline-entry.entry-complaint');
  await expect(complaintEntry).toContainText('Complaint');
  await expect(complaintEntry).toContainText('The milk in her latte was sour');
  await expect(complaintEntry).toContainText('Followed up');

  await complaints.open();
  await page.getByRole('link', { name: 'Stats' }).click();
  const tiles = page.locator('.stat-tiles');
  await expect(tiles).toContainText('Logged1');
  await expect(tiles).toContainText('Promises kept100%');
  await expect(tiles).not.toContainText('Compensation paid');
  await owner.unlock(ownerPin);
  await expect(tiles).toContainText(/Compensation paid.*800/);
});

test('a complaint is logged from the customer’s profile with that customer already chosen', async ({ page, app }) => {
  const grace = (await app.rpc('customers-create', { name: 'Grace Hopper', phones: ['0912 345 678'] })).value as { id: string };
  await app.open(page);
  await page.goto(`${new URL(app.url).origin}/#/customers/${grace.id}`);
  await page.getByRole('link', { name: 'Log complaint' }).click();
  const form = page.getByRole('form', { name: 'Log a complaint' });
  await expect(form).toContainText('Grace Hopper');
  await form.getByLabel('What happened').fill('Waited twenty minutes for a latte');
  await form.getByLabel('What happened').press('Control+Enter');
  await expect(page.getByRole('heading', { name: /^Grace Hopper · / })).toBeVisible();
});
