import { expect, type Page } from '@playwright/test';

export class CounterScreen {
  constructor(private readonly page: Page) {}

  picker() {
    return this.page.locator('input[role="combobox"]');
  }

  /** The whole keyboard flow: find → Enter → amount → Enter → items → Enter → note → Enter → level → Enter. */
  async logVisitByKeyboard(visit: { find: string; pick?: string; amount: string; items: string; note: string; level: 0 | 1 | 2 | 3 }) {
    await expect(this.picker()).toBeFocused();
    await this.page.keyboard.type(visit.find);
    if (visit.pick) await expect(this.page.locator('.picker-list [role="option"][aria-selected="true"]')).toContainText(visit.pick);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.type(visit.amount);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.type(visit.items);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.type(visit.note);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press(String(visit.level));
    await this.page.keyboard.press('Enter');
  }
}
