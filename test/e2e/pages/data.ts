import { expect, type Locator, type Page } from '@playwright/test';

/** The Data screen: backups, restore, import, export. */
export class DataScreen {
  readonly backups: Locator;
  readonly restore: Locator;
  readonly importer: Locator;
  readonly exporter: Locator;

  constructor(private readonly page: Page) {
    this.backups = page.locator('section.card', { has: page.locator('#backup-title') });
    this.restore = page.locator('section.card', { has: page.locator('#restore-title') });
    this.importer = page.locator('section.card', { has: page.locator('#import-title') });
    this.exporter = page.locator('section.card', { has: page.locator('#export-title') });
  }

  async goto() {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Data' }).click();
    await expect(this.page.getByRole('heading', { name: 'Data', level: 1 })).toBeVisible();
  }

  async setBackupFolder(folder: string) {
    await this.backups.getByLabel('Backup folder').fill(folder);
    await this.backups.getByRole('button', { name: 'Save backup settings' }).click();
  }

  async backUpNow() {
    await this.backups.getByRole('button', { name: 'Back up now' }).click();
    await expect(this.backups.getByText(/^Last good backup: today/)).toBeVisible();
  }
}
