import { expect, type Locator, type Page } from '@playwright/test';

export class CustomersScreen {
  readonly search: Locator;
  readonly list: Locator;

  constructor(private readonly page: Page) {
    this.search = page.locator('#customer-search');
    this.list = page.getByRole('listbox').first();
  }

  async goto() {
    await this.page.locator('nav a[href="#/customers"]').click();
    await expect(this.search).toBeVisible();
  }

  async find(query: string) {
    await this.search.fill(query);
  }

  rows() {
    return this.list.getByRole('option');
  }

  row(name: string) {
    return this.list.getByRole('option').filter({ hasText: name });
  }
}

export class CustomerFormScreen {
  constructor(private readonly page: Page) {}

  field(label: string | RegExp) {
    return this.page.getByLabel(label, { exact: typeof label === 'string' });
  }

  async fill(fields: { name?: string; phone?: string; email?: string; notes?: string }, labels: { name: string; phone: string; email: string; notes: string }) {
    if (fields.name !== undefined) await this.field(labels.name).fill(fields.name);
    if (fields.phone !== undefined) await this.field(labels.phone).fill(fields.phone);
    if (fields.email !== undefined) await this.field(labels.email).fill(fields.email);
    if (fields.notes !== undefined) await this.field(labels.notes).fill(fields.notes);
  }

  duplicateWarning() {
    return this.page.locator('.duplicate-warning');
  }
}
