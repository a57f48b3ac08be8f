import { expect, test } from './fixtures';

test.use({ locale: 'zh-TW' });

/** What a screen reader or a copy-and-paste gets: labels and values, and neighbouring links, never glued together. */
test('dashboard links and complaint figures read as separate words', async ({ page, app }) => {
  const customer = (await app.rpc('customers-create', { name: '林美華' })).value as { id: string };
  await app.rpc('visits-log', { customerId: customer.id, amountMinor: 48000 });
  await app.rpc('complaints-log', { customerId: customer.id, channel: 'in_person', category: 'slow_response', severity: 'low', description: '等太久' });
  await app.open(page);
  const origin = app.url.split('#')[0];

  await page.goto(`${origin}#/loyalty`);
  const pareto = page.locator('.chart-card[data-chart="pareto"]');
  const links = pareto.getByRole('navigation', { name: '查看這些客戶' }).getByRole('listitem');
  await expect(links).toHaveCount(2);
  await expect(links.nth(0)).toHaveText('核心客戶');
  await expect(links.nth(1)).toHaveText('主要客戶');
  expect(await pareto.locator('.chart-links').innerText()).not.toContain('核心客戶主要客戶');

  await page.goto(`${origin}#/complaints/stats`);
  const logged = page.locator('.stat-tile').first();
  await expect(logged.getByRole('term')).toHaveText('客訴數');
  await expect(logged.getByRole('definition')).toHaveText('1');
  expect(await logged.innerText()).toMatch(/客訴數\s+1/);
});
