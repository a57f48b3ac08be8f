import { archiveMessages } from '../../renderer/src/features/archive/i18n';
import { commonMessages } from '../../renderer/src/app/locales/common';
import { customersMessages } from '../../renderer/src/features/customers/i18n';
import { appLocales, expect, test } from './fixtures';


for (const { locale, language } of appLocales) {
  test.describe(`removing a visit in ${locale}`, () => {
    test.use({ locale });

    test('a visit logged by mistake days ago is removed from the profile, put back with Undo, and found in the Archive', async ({ app, page }) => {
      const words = customersMessages[language];
      const common = commonMessages[language];
      const customer = (await app.rpc('customers-create', { name: '黃雅婷' })).value as { id: string };
      await app.rpc('visits-log', { customerId: customer.id, amountMinor: 12_000, items: 'latte', occurredAt: '2026-11-02T03:00:00.000Z' });
      await app.rpc('visits-log', { customerId: customer.id, amountMinor: 9_990_000, items: 'typo', occurredAt: '2026-11-03T03:00:00.000Z' });
      await app.open(page);
      await page.goto(`${new URL(app.url).origin}/#/customers/${customer.id}`);

      const mistake = page.locator('.timeline-entry').filter({ hasText: 'typo' });
      const remove = mistake.getByRole('button', { name: common.actions.remove });
      await expect(remove).toBeVisible();
      // Reached from the keyboard like every action, named by the visit's time for a screen reader.
      await remove.focus();
      await expect(remove).toHaveAccessibleName(new RegExp(`^${words.timeline.removeVisit.split('{{when}}')[0]!.trim()}`));
      await page.keyboard.press('Enter');
      // The whole sentence, the visit's time in place: what follows the time is the same in every language.
      const toast = page.locator('.toasts');
      await expect(toast).toContainText(words.timeline.visitRemoved.split('{{when}}')[1]!.trim());
      await expect(page.locator('.timeline-entry').filter({ hasText: 'typo' })).toHaveCount(0);
      await page.screenshot({ path: `test-results/visit-remove/removed-${language}.png` });

      await toast.getByRole('button', { name: common.actions.undo }).click();
      await expect(page.locator('.timeline-entry').filter({ hasText: 'typo' })).toHaveCount(1);

      await page.locator('.timeline-entry').filter({ hasText: 'typo' }).getByRole('button', { name: common.actions.remove }).click();
      await expect(page.locator('.timeline-entry').filter({ hasText: 'typo' })).toHaveCount(0);
      await expect(page.locator('.timeline-entry').filter({ hasText: 'latte' })).toHaveCount(1);
      await page.goto(`${new URL(app.url).origin}/#/archive`);
      const removed = page.locator('section').filter({ hasText: archiveMessages[language].visits }).last();
      await expect(removed).toContainText('黃雅婷');

      // Deleting it for good asks first, with Cancel focused: Enter there deletes nothing.
      const purge = removed.getByRole('button', { name: archiveMessages[language].purge });
      await purge.click();
      const dialog = page.getByRole('dialog');
      await expect(dialog.getByRole('button', { name: archiveMessages[language].cancel })).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(dialog).toHaveCount(0);
      await expect(purge).toBeFocused();
    });
  });
}
