import { expect, type Locator, type Page } from '@playwright/test';

export class TodayScreen {
  readonly heading: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
  }

  async goto() {
    await this.page.locator('nav a[href="#/today"]').click();
    await expect(this.page.locator('.today')).toBeVisible();
  }

  /** One section of the agenda by its heading: "Overdue", "Due today", "Next 7 days". */
  section(name: string | RegExp) {
    return this.page.getByRole('region', { name });
  }

  card(section: Locator, text: string | RegExp) {
    return section.locator('.reminder-card').filter({ hasText: text });
  }

  cards() {
    return this.page.locator('.reminder-card');
  }
}
