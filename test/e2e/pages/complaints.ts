import { expect, type Page } from '@playwright/test';

/** The complaints screens (English labels). */
export class ComplaintsScreen {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.getByRole('navigation').getByRole('link', { name: 'Complaints' }).click();
    await expect(this.page.getByRole('heading', { name: 'Complaints', level: 1 })).toBeVisible();
  }

  /** The counter flow: Alt+K, the customer, Enter, about, severity, what happened, Ctrl+Enter. */
  async log(complaint: { customer: string; about: string; severity: string; description: string }) {
    await this.page.keyboard.press('Alt+k');
    const form = this.page.getByRole('form', { name: 'Log a complaint' });
    const picker = form.getByRole('combobox', { name: 'Customer' });
    await expect(picker).toBeFocused();
    await picker.fill(complaint.customer);
    await expect(form.locator('.picker-list [role="option"][aria-selected="true"]')).toContainText(complaint.customer);
    await this.page.keyboard.press('Enter');
    await expect(form.getByLabel('About')).toBeFocused();
    await form.getByLabel('About').selectOption({ label: complaint.about });
    await form.getByLabel('Severity').selectOption({ label: complaint.severity });
    await form.getByLabel('What happened').fill(complaint.description);
    await this.page.keyboard.press('Control+Enter');
    await expect(this.page.locator('.toasts')).toContainText('Complaint logged. Reply by');
  }

  form(name: string) {
    return this.page.getByRole('form', { name });
  }

  stateBadge() {
    return this.page.locator('.page-header .state-badge');
  }
}
