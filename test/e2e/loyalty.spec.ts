import type { Page } from '@playwright/test';
import { readFileSync, statSync } from 'node:fs';
import { expect, ownerPin, startSeededBrowserMode, test } from './fixtures';
import { readWorkbook } from '../../electron/core/transfer/import/xlsx';
import { OwnerControls } from './pages/owner';

test.use({ locale: 'en-US' });

const chart = (page: Page, name: string) => page.locator(`.chart-card[data-chart="${name}"]`);

test('on a seeded book the owner reads the 80/20 story, changes the months, saves a chart and calls the Key customers; staff cannot open it', async ({ page }) => {
  const { app, stop } = await startSeededBrowserMode({ customers: 300, visits: 3000, seed: 3, lang: 'en_US.UTF-8', timeZone: 'Asia/Taipei' });
  try {
    await app.open(page);
    const owner = new OwnerControls(page);
    await owner.lock();

    // Staff: no Loyalty in the menu, and the address alone is refused.
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Loyalty' })).toHaveCount(0);
    await page.goto(`${app.url.split('#')[0]}#/loyalty`);
    await expect(page.getByRole('heading', { name: 'Loyalty and value' })).toBeVisible();
    await expect(page.locator('.chart-card')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Unlock…' }).first()).toBeVisible();

    await owner.unlock(ownerPin);
    await page.getByRole('navigation').getByRole('link', { name: 'Loyalty' }).click();
    const pareto = chart(page, 'pareto');
    await expect(pareto.locator('.recharts-wrapper > svg.recharts-surface')).toBeVisible();
    const headline = pareto.locator('.chart-headline');
    await expect(headline).toContainText(/The top 20% of \d+ spending customers brought \d+% of/);
    for (const name of ['tiers_over_time', 'quadrants', 'customer_flow', 'visits_revenue']) {
      await expect(chart(page, name).locator('.recharts-wrapper > svg.recharts-surface')).toBeVisible();
      await expect(chart(page, name).locator('.chart-empty')).toHaveCount(0);
    }
    await expect(chart(page, 'quadrants').locator('.chart-headline')).toContainText(/Hostages \d+ · Destroyers \d+/);
    await expect(chart(page, 'tiers_over_time').locator('.recharts-bar-rectangle').first()).toBeVisible();

    // A chart's tooltip is made when the pointer first comes to it or it takes the focus (the seven
    // charts drawn at once do not each build one), and it shows at once, by pointer and by keyboard.
    const visits = chart(page, 'visits_revenue');
    await expect(visits.locator('.recharts-tooltip-wrapper')).toHaveCount(0);
    await visits.locator('.recharts-bar-rectangle').nth(5).hover();
    await expect(visits.locator('.recharts-tooltip-wrapper')).toContainText(/Visits: \d/);
    // In the legend's order (visits, then revenue), not recharts' alphabetical one.
    await expect(visits.locator('.recharts-tooltip-item-name')).toHaveText(['Visits', 'Revenue']);
    const flow = chart(page, 'customer_flow');
    await expect(flow.locator('.recharts-tooltip-wrapper')).toHaveCount(0);
    await flow.locator('.recharts-wrapper > svg.recharts-surface').focus();
    await page.keyboard.press('ArrowRight');
    await expect(flow.locator('.recharts-tooltip-wrapper')).toContainText(/Returning: \d/);
    await expect(flow.locator('.recharts-tooltip-item-name')).toHaveText(['New', 'Returning', 'Lapsed (still away)']);

    // The month lists are as wide as their longest name, set, not found by laying out their 120
    // month names as the screen opens (en's natural width is narrower than the fixed one).
    for (const select of await page.locator('.range-picker select').all()) {
      const { width, fontSize } = await select.evaluate((element) => ({ width: element.getBoundingClientRect().width, fontSize: parseFloat(getComputedStyle(element).fontSize) }));
      expect(width).toBeCloseTo(fontSize * 8.75, 0);
    }

    // A longer range: the address and the figures follow.
    const twelveMonths = await headline.textContent();
    await page.getByRole('button', { name: 'Last 24 months' }).click();
    await expect(page).toHaveURL(/from=\d{4}-\d{2}&to=\d{4}-\d{2}/);
    await expect(headline).not.toHaveText(twelveMonths ?? '');
    await expect(chart(page, 'visits_revenue').locator('.recharts-bar-rectangle')).toHaveCount(24);

    const picture = page.waitForEvent('download');
    await chart(page, 'customer_flow').getByRole('button', { name: 'Save as PNG' }).click();
    const png = await picture;
    expect(png.suggestedFilename()).toMatch(/^customer_flow-\d{4}-\d{2}-\d{2}\.png$/);
    const pngFile = await png.path();
    expect(readFileSync(pngFile).subarray(1, 4).toString()).toBe('PNG');
    expect(statSync(pngFile).size).toBeGreaterThan(5_000);

    // A legend entry whose series has customers behind it opens them; the others are only words.
    await chart(page, 'tiers_over_time').locator('.chart-legend').getByRole('button', { name: 'Major' }).click();
    await expect(page.getByRole('heading', { name: 'Customers to act on' })).toBeVisible();
    await expect(page.getByLabel('Tier')).toHaveValue('major');
    await page.goBack();
    await expect(chart(page, 'visits_revenue').locator('.chart-legend li')).toHaveText(['Visits', 'Revenue']);
    await expect(chart(page, 'visits_revenue').locator('.chart-legend').getByRole('button')).toHaveCount(0);

    // From the chart to the customers behind it, and their call list.
    await pareto.getByRole('link', { name: 'Key' }).click();
    await expect(page.getByRole('heading', { name: 'Customers to act on' })).toBeVisible();
    await expect(page.getByLabel('Tier')).toHaveValue('key');
    const rows = page.locator('.segment-table tbody tr');
    await expect(rows.first()).toBeVisible();
    await expect(rows.first().locator('td').nth(2)).toHaveText('Key');
    const firstName = await rows.first().locator('td').first().textContent();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download call list (CSV)' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    expect(csv.startsWith('\uFEFFName,Phones,Tier,Quadrant,Coming back?,Last visit,Outcome of the call\r\n')).toBe(true);
    expect(csv.split('\r\n')[1]?.startsWith(firstName ?? '?')).toBe(true);
    expect(csv).not.toMatch(/NT\$|\$\d/);
    const workbookDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download call list (Excel)' }).click();
    const workbook = readWorkbook(readFileSync(await (await workbookDownload).path()), null);
    if (!workbook.ok) throw new Error(`the call list workbook was not read: ${workbook.reason}`);
    expect(workbook.sheets).toEqual(['Call list']);
    expect(workbook.records[0]).toEqual(['Name', 'Phones', 'Tier', 'Quadrant', 'Coming back?', 'Last visit', 'Outcome of the call']);
    expect(workbook.records[1]?.[0]).toBe(firstName);
    expect(workbook.records.length).toBe(csv.split('\r\n').filter((line) => line !== '').length);

    // A customer's tier explained in words, and their value from the model fitted to the shop's history
    // (the app fits it in the background soon after start; here it is fitted at once).
    expect(await app.rpc('loyalty-value-fit', {})).toMatchObject({ ok: true, value: { basis: 'model' } });
    await rows.first().getByRole('link').click();
    await expect(page.getByRole('heading', { name: 'Value and loyalty' })).toBeVisible();
    const facts = page.locator('.loyalty-facts');
    await expect(facts).toContainText(/By spending: (Key|Major) — rank \d+ of \d+ customers/);
    await expect(facts).toContainText(/Chance they are still a customer\s*\d+(\.\d)?%/);
    await expect(facts).toContainText(/Value over the next 3 years\s*\$[\d,.]+/);
    await expect(facts).toContainText(/From the BG\/NBD \(visits\) and Gamma-Gamma \(spend\) models fitted on .* to this shop’s \d+ customers/);
    await expect(facts).toContainText('Future visits are counted at face value (not discounted).');
    await expect(facts).not.toContainText('visits a year ×');
    // Key is the top tier: points never read as "not yet enough to lift" there.
    await expect(facts).not.toContainText('not yet enough to lift the tier');
  } finally {
    await stop();
  }
});

test('an empty book shows every chart’s empty state, and a satisfaction answer asked on its own lands on the profile', async ({ page, app }) => {
  await app.open(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Loyalty' }).click();
  await expect(page.locator('.chart-card')).toHaveCount(7);
  await expect(page.locator('.chart-card .chart-empty')).toHaveCount(7);
  await expect(chart(page, 'pareto')).toContainText('No customer spent anything in these months yet.');
  await expect(chart(page, 'pareto').getByRole('button', { name: 'Save as PNG' })).toBeDisabled();
  await expect(chart(page, 'referral_share')).toContainText('No new customers in these months yet.');
  await expect(chart(page, 'complaint_promises')).toContainText('No complaints in these months.');

  await page.keyboard.press('Alt+n');
  await page.getByLabel('Name', { exact: true }).fill('王小明');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { name: '王小明' })).toBeVisible();
  await expect(page.locator('.loyalty-facts')).toContainText('Not asked how satisfied they are yet.');
  await page.getByRole('radio', { name: /Will bring friends/ }).click();
  await page.getByLabel('What they said (optional)').fill('Loves the new beans');
  await page.getByRole('button', { name: 'Record answer' }).click();
  await expect(page.getByRole('status')).toContainText('Answer recorded');
  await expect(page.locator('.loyalty-facts')).toContainText('Mercenary — satisfaction 3.0 of 3');
  await expect(page.locator('.signal-list')).toContainText('+2 latest satisfaction: satisfied and will bring friends');

  // One visit today: "1 visit" and "today", as a person writes them, not "1 visits" or "0 days ago".
  const id = page.url().split('/customers/')[1]!;
  await app.rpc('visits-log', { customerId: id, amountMinor: 48000 });
  // A rule change draws the money cut-offs again (in the worker), so the visit is ranked.
  expect(await app.rpc('loyalty-settings-update', { pointsPerLift: 4 })).toMatchObject({ ok: true });
  await expect.poll(async () => ((await app.rpc('loyalty-customer', { id })).value as { cutoffs: unknown }).cutoffs, { timeout: 20_000 }).not.toBeNull();
  await page.reload();
  const facts = page.locator('.loyalty-facts');
  await expect(facts).toContainText(/By spending: \w+ — rank 1 of 1 customers who spent in the last 12 months \(.+, 1 visit\)\./);
  await expect(facts).toContainText(/Last visit\s*today/);
  await expect(facts).not.toContainText('0 days ago');
});
