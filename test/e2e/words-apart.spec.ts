import { expect, test } from './fixtures';

test.use({ locale: 'zh-TW' });

/** What a screen reader or a copy-and-paste gets: labels and values, and neighbouring links, never glued together. */
test('dashboard links and complaint figures read as separate words', async ({ page, app }) => {
  const customer = (await app.rpc('customers-create', { name: '林美華' })).value as { id: string };
  await app.rpc('visits-log', { customerId: customer.id, amountMinor: 48000 });
  // Visits through the past year, so the monthly charts have a tick for every month.
  for (let monthsAgo = 1; monthsAgo <= 11; monthsAgo += 1) {
    await app.rpc('visits-log', { customerId: customer.id, amountMinor: 12000, occurredAt: new Date(Date.now() - monthsAgo * 30.5 * 86_400_000).toISOString() });
  }
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

  // Month ticks never overlap, and a month with its year reads as everywhere else (2026年1月, not 26年1月).
  const ticks = page.locator('.chart-card[data-chart="visits_revenue"] .recharts-xAxis-tick-labels text');
  await page.locator('.chart-card[data-chart="visits_revenue"]').scrollIntoViewIfNeeded();
  await expect(ticks.first()).toBeVisible();
  const boxes = await ticks.evaluateAll((elements) => elements.map((element) => ({ left: element.getBoundingClientRect().left, right: element.getBoundingClientRect().right, text: element.textContent ?? '' })));
  expect(boxes.length).toBeGreaterThan(3);
  for (const [index, box] of boxes.entries()) {
    if (index > 0) expect(box.left, `${boxes[index - 1]!.text} and ${box.text}`).toBeGreaterThanOrEqual(boxes[index - 1]!.right);
    if (box.text.includes('年')) expect(box.text).toMatch(/^\d{4}年\d{1,2}月$/);
  }
  expect(boxes.some((box) => box.text.includes('年'))).toBe(true);

  await page.goto(`${origin}#/complaints/stats`);
  const logged = page.locator('.stat-tile').first();
  await expect(logged.getByRole('term')).toHaveText('客訴數');
  await expect(logged.getByRole('definition')).toHaveText('1');
  expect(await logged.innerText()).toMatch(/客訴數\s+1/);
});
