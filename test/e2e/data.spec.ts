import { writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { restoreRouteFor } from '../../shared/contract/shell';
import { expect, test, type RunningApp } from './fixtures';
import { DataScreen } from './pages/data';

test.use({ locale: 'en-US' });

/** Sets the book up through the same rpc the page uses, so each test starts where it matters. */
const rpc = async (app: RunningApp, name: string, input: unknown) => {
  const url = new URL(app.url);
  const response = await fetch(`${url.origin}/rpc`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'x-regulars-token': url.searchParams.get('token') ?? '' },
    body: JSON.stringify({ name, input }),
  });
  const result = (await response.json()) as { ok: boolean };
  expect(result.ok).toBe(true);
  return result;
};

test('back up, restore an older backup, and undo the restore', async ({ page, app, scratch }) => {
  await rpc(app, 'customers-create', { name: 'Before Backup' });
  await app.open(page);
  await expect(page.getByText('This customer book has never been backed up.')).toBeVisible();

  const data = new DataScreen(page);
  await data.goto();
  await data.setBackupFolder(scratch('regulars-e2e-backups-'));
  await data.backUpNow();
  await expect(page.getByText('This customer book has never been backed up.')).toBeHidden();

  await rpc(app, 'customers-create', { name: 'After Backup' });
  await data.restore.getByRole('button', { name: 'Restore…' }).first().click();
  await expect(data.restore.getByText(/Its header says it holds: customers: 1/)).toBeVisible();
  await data.restore.getByRole('button', { name: 'Check this backup' }).click();
  await expect(data.restore.getByText('Checked: the file is complete, unmodified, and holds a sound customer book.')).toBeVisible();
  await expect(data.restore.getByText(/Now: customers: 2.*After the restore: customers: 1/)).toBeVisible();
  await data.restore.getByRole('button', { name: 'Replace the current book with this backup' }).click();
  await expect(data.restore.getByText(/^Restored from .*\.regulars-backup on/)).toBeVisible();

  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByText('Before Backup')).toBeVisible();
  await expect(page.getByText('After Backup')).toBeHidden();

  await data.goto();
  await data.restore.getByRole('button', { name: 'Undo the restore' }).click();
  await expect(page.getByRole('status')).toContainText('The restore was undone');
  // Said as an undo, not as a restore from the app's own safety copy; what it offers is to put the restore back.
  await expect(data.restore.getByText(/^The restore of .* was undone on .*: the book is as it was before that restore\.$/)).toBeVisible();
  await expect(data.restore.getByRole('button', { name: 'Undo the restore' })).toHaveCount(0);
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByText('After Backup')).toBeVisible();

  await data.goto();
  await data.restore.getByRole('button', { name: 'Put the restore back' }).click();
  await expect(page.getByRole('status')).toContainText('The restore was put back');
  await expect(data.restore.getByText(/^The restore of .* was put back on .*, after its undo\.$/)).toBeVisible();
  await expect(data.restore.getByRole('button', { name: 'Undo the restore' })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByText('After Backup')).toBeHidden();
});

test('an encrypted backup needs its passphrase; a wrong one is said so and nothing changes', async ({ page, app, scratch }) => {
  await rpc(app, 'customers-create', { name: 'Ada' });
  const backups = scratch('regulars-e2e-backups-');
  await rpc(app, 'backup-create', { folder: backups, passphrase: 'correct horse battery' });
  await app.open(page);
  const data = new DataScreen(page);
  await data.goto();
  await data.setBackupFolder(backups);
  await data.restore.getByRole('button', { name: 'Restore…' }).first().click();
  await expect(data.restore.getByText('This backup is encrypted.')).toBeVisible();
  await data.restore.getByLabel('Passphrase').fill('wrong horse');
  await data.restore.getByRole('button', { name: 'Check this backup' }).click();
  await expect(data.restore.getByRole('alert')).toContainText('The passphrase for');
  await expect(data.restore.getByRole('alert')).toContainText('is wrong.');
  await data.restore.getByLabel('Passphrase').fill('correct horse battery');
  await data.restore.getByRole('button', { name: 'Check this backup' }).click();
  await expect(data.restore.getByText('Checked: the file is complete, unmodified, and holds a sound customer book.')).toBeVisible();
});

test('imports a Big5 spreadsheet: detected, mapped, previewed with its problems, committed', async ({ page, app, scratch }) => {
  const sheet = ['會員姓名,手機號碼,生日,消費日期,實收金額', '陳美玲,0912-345-678,1985/03/04,2024/05/01 14:30,120', '林志明,0933 222 111,民國79年5月12日,2024/05/02,450', '黃淑芬,abc,,2024/05/03,80', ',0955 666 777,,2024/05/04,60'].join('\r\n');
  const file = path.join(scratch('regulars-e2e-import-'), '會員.csv');
  writeFileSync(file, iconv.encode(sheet, 'big5'));
  await app.open(page);
  // The Referrals screen first, so its styles are in the page when the rows are shown.
  await page.getByRole('navigation').getByRole('link', { name: 'Referrals' }).click();
  await expect(page.locator('.referrals-grid')).toBeVisible();
  const data = new DataScreen(page);
  await data.goto();
  await data.importer.locator('input[type="file"]').setInputFiles(file);
  await expect(data.importer.getByText('會員.csv: 4 rows')).toBeVisible();
  await expect(data.importer.getByLabel('Text encoding')).toHaveValue('big5');
  await expect(data.importer.getByLabel('Import as: 手機號碼')).toHaveValue('phone');
  await expect(data.importer.getByLabel('Import as: 實收金額')).toHaveValue('visitAmount');
  await data.importer.getByRole('button', { name: 'Check all rows' }).click();
  await expect(data.importer.getByText('Row 4, 手機號碼: not a phone number (abc)')).toBeVisible();
  // An empty cell has no value to quote.
  await expect(data.importer.locator('.import-problems li').filter({ hasText: 'Row 5, 會員姓名' })).not.toContainText('(');
  // Each row's name and phone sit under their own headings (another screen's table rule once pushed them right).
  const firstRow = data.importer.locator('.preview-table tbody tr').first();
  await expect(firstRow.locator('td').nth(1)).toHaveText('陳美玲');
  await expect(firstRow.locator('td').nth(1)).toHaveCSS('text-align', 'left');
  await expect(firstRow.locator('td').nth(2)).toHaveCSS('text-align', 'left');

  const importButton = data.importer.getByRole('button', { name: 'Import 2 customers' });
  await expect(importButton).toBeDisabled();
  await data.importer.getByLabel(/Skip the rows with problems/).check();
  await importButton.click();
  await expect(data.importer.getByText(/Imported 2 customers .*and 2 visits/)).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByText('陳美玲')).toBeVisible();
  await expect(page.getByText('林志明')).toBeVisible();
});

test('a backup opened from the file manager is offered for restore, read and described', async ({ page, app, scratch }) => {
  await rpc(app, 'customers-create', { name: 'Ada' });
  const made = (await rpc(app, 'backup-create', { folder: scratch('regulars-e2e-backups-') })) as unknown as { value: { file: string } };
  await app.open(page);
  // What the desktop app does when the owner double-clicks a .regulars-backup file.
  await page.evaluate((route) => (window.location.hash = route), restoreRouteFor(made.value.file));
  const data = new DataScreen(page);
  await expect(data.restore.getByText(/Its header says it holds: customers: 1/)).toBeVisible();
  await expect(data.restore.getByRole('button', { name: 'Check this backup' })).toBeVisible();
  await expect(page).not.toHaveURL(/restore=/);
});
