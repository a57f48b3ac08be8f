import { expect, type Locator, type Page } from '@playwright/test';

export class ReferralsScreen {
  constructor(private readonly page: Page) {}

  async goto(navLabel: string) {
    await this.page.getByRole('navigation').getByRole('link', { name: navLabel }).click();
    await expect(this.page.locator('.referrals-page')).toBeVisible();
  }

  section(title: string): Locator {
    return this.page.locator('section.card').filter({ has: this.page.getByRole('heading', { name: title }) });
  }

  reward(section: Locator, text: string): Locator {
    return section.locator('.reward-item').filter({ hasText: text });
  }
}
