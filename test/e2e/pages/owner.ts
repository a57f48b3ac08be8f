import { expect, type Page } from '@playwright/test';

/** The owner's controls: first-run setup, the sidebar lock and the unlock dialog (English labels). */
export class OwnerControls {
  constructor(private readonly page: Page) {}

  async setUp({ shopName, pin }: { shopName: string; pin: string }): Promise<string> {
    await expect(this.page.getByRole('heading', { name: 'Welcome to Regulars' })).toBeVisible();
    await this.page.getByLabel('Shop name').fill(shopName);
    await this.page.getByLabel('PIN or passphrase').fill(pin);
    await this.page.getByLabel('Type it again').fill(pin);
    await this.page.getByRole('button', { name: 'Set up Regulars' }).click();
    await expect(this.page.getByRole('heading', { name: 'Your recovery code' })).toBeVisible();
    const code = (await this.page.locator('.recovery-code-value').textContent()) ?? '';
    await this.page.getByLabel('I have written the recovery code down').check();
    await this.page.getByRole('button', { name: 'Continue' }).click();
    await expect(this.page.getByRole('navigation')).toBeVisible();
    return code;
  }

  sidebar() {
    return this.page.locator('.owner-lock');
  }

  async lock() {
    await this.sidebar().getByRole('button', { name: 'Lock' }).click();
    await expect(this.sidebar()).toContainText('Staff mode');
  }

  dialog() {
    return this.page.getByRole('dialog');
  }

  /** Types the PIN in the open unlock dialog. */
  async enterPin(pin: string) {
    await this.dialog().getByLabel('Owner PIN').fill(pin);
    await this.dialog().getByRole('button', { name: 'Unlock' }).click();
  }

  async unlock(pin: string) {
    await this.sidebar().getByRole('button', { name: 'Unlock…' }).click();
    await this.enterPin(pin);
    await expect(this.sidebar()).toContainText('Owner');
  }
}
