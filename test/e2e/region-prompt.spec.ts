import Database from 'better-sqlite3';
import path from 'node:path';
import { expect, test } from './fixtures';

test.describe('a book set up before setup asked for the region', () => {
  test.use({ locale: 'en-US' });

  test('asks the owner once where the shop is, and reads the stored mobiles for it', async ({ page, app }) => {
    await app.open(page);
    const customer = (await app.rpc('customers-create', { name: '林美華', phones: ['0922 333 444'] })).value as { id: string; phones: { e164: string | null }[] };
    expect(customer.phones[0]?.e164).toBeNull();
    // What an earlier version left: no record that the owner ever chose the country.
    const book = new Database(path.join(app.dataDir, 'regulars.db'));
    book.prepare("DELETE FROM settings WHERE key = 'regionConfirmed'").run();
    book.close();

    await page.reload();
    const prompt = page.getByRole('form', { name: 'Where is your shop?' });
    await expect(prompt).toBeVisible();
    await prompt.getByLabel('Country or region').selectOption('TW');
    await expect(prompt.getByLabel('Currency')).toHaveValue('TWD');
    await prompt.getByRole('button', { name: 'This is where we are' }).click();
    await expect(prompt).toBeHidden();
    await expect(page.getByText('Saved. Phone numbers already in the book')).toBeVisible();
    const read = (await app.rpc('customers-get', { id: customer.id })).value as { phones: { e164: string | null }[] };
    expect(read.phones[0]?.e164).toBe('+886922333444');

    await page.reload();
    await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
    await expect(page.getByRole('form', { name: 'Where is your shop?' })).toHaveCount(0);
  });
});
