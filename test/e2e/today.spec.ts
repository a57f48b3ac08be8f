import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, startBrowserMode, startSeededBrowserMode, test } from './fixtures';
import { readWorkbook } from '../../electron/core/transfer/import/xlsx';
import { CounterScreen } from './pages/counter';
import { TodayScreen } from './pages/today';

test.use({ locale: 'en-US' });

/** A Taipei shop: the host's clock is set with REGULARS_NOW (read by electron/host only for tests). */
const taipei = (now: string) => ({ TZ: 'Asia/Taipei', REGULARS_NOW: now });

test('a visit logged today brings its follow-up on the due day, done there with a note', async ({ page }) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'regulars-e2e-today-'));
  try {
    // Tuesday 10 March 2026, 09:00 in Taipei.
    const first = await startBrowserMode(taipei('2026-03-10T01:00:00.000Z'), dataDir);
    try {
      await first.app.open(page);
      const today = new TodayScreen(page);
      await expect(today.heading).toHaveText('Today');
      await expect(page.getByText('Tuesday, March 10, 2026', { exact: true })).toBeVisible();
      await expect(page.getByText('Nothing to do.')).toBeVisible();

      await page.keyboard.press('Alt+n');
      await page.getByLabel('Name', { exact: true }).fill('王小明');
      await page.getByLabel('Phone 1').fill('0912-345-678');
      await page.keyboard.press('Control+Enter');
      await expect(page.getByRole('heading', { name: '王小明' })).toBeVisible();

      await page.keyboard.press('Control+l');
      await new CounterScreen(page).logVisitByKeyboard({ find: '5678', pick: '王小明', amount: '120', items: 'Latte', note: '', level: 2 });
      await expect(page.getByRole('status')).toContainText('Visit logged: 王小明');

      await today.goto();
      const upcoming = today.section(/Next 7 days/);
      await expect(today.card(upcoming, 'Follow up with 王小明 after their first visit on Mar 10 (today)')).toContainText('in 3 days');
      await expect(today.section(/Due today/).getByText('Nothing here.')).toBeVisible();
    } finally {
      await first.stop();
    }

    // Friday 13 March, 09:00: the app restarts on the due day.
    const second = await startBrowserMode(taipei('2026-03-13T01:00:00.000Z'), dataDir);
    try {
      await second.app.open(page);
      const today = new TodayScreen(page);
      await expect(page.getByRole('navigation').getByRole('link', { name: /Today/ })).toContainText('1');
      const dueToday = today.section(/Due today/);
      const card = today.card(dueToday, 'Follow up with 王小明 after their first visit on Mar 10');
      await expect(card).toContainText('due today');
      await expect(card.getByRole('button', { name: 'Copy 0912-345-678' })).toBeVisible();

      // A panel opened in place is left with Escape, the focus back on its button.
      const snooze = card.locator('.reminder-actions').getByRole('button', { name: 'Snooze' });
      await snooze.click();
      await expect(snooze).toHaveAttribute('aria-expanded', 'true');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Escape');
      await expect(snooze).toHaveAttribute('aria-expanded', 'false');
      await expect(snooze).toBeFocused();

      await card.getByRole('button', { name: 'Done' }).click();
      await page.getByLabel('What came of it?').fill('Loved the latte; back on Friday');
      await page.getByRole('button', { name: 'Mark done' }).click();
      await expect(page.getByRole('status')).toContainText('Done: Follow up with 王小明');
      await expect(page.getByText('Nothing to do.')).toBeVisible();

      await page.getByRole('link', { name: 'Customers' }).click();
      await page.locator('#customer-search').fill('王小明');
      await page.keyboard.press('Enter');
      const timeline = page.locator('.timeline');
      await expect(timeline).toContainText('After-sale follow-up done');
      await expect(timeline).toContainText('Loved the latte; back on Friday');
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a seeded book opens on a believable morning, filters by kind, and downloads the day’s calls', async ({ page }) => {
  const { app, stop } = await startSeededBrowserMode({ customers: 300, visits: 3000, seed: 3, lang: 'zh_TW.UTF-8', timeZone: 'Asia/Taipei' });
  try {
    await app.open(page);
    const today = new TodayScreen(page);
    await expect(today.section(/Due today/)).toBeVisible();
    await expect(today.section(/Next 7 days/).locator('.reminder-card').first()).toBeVisible();
    await expect(page.locator('.reminder-card.kind-win_back').first()).toContainText(/usually every (\d+ days|day) — \d+ days ago|came once — \d+ days ago/);
    // The first pass draws a screen's worth of cards and the next the rest: every section ends up
    // with each card it counts (a page of 100 at most), and the printable call list is there too.
    for (const section of await page.locator('.agenda-section').all()) {
      const count = Number((await section.locator('.section-count').innerText()).replace(/\D/g, ''));
      await expect(section.locator('.reminder-card')).toHaveCount(Math.min(count, 100));
    }

    await page.getByRole('button', { name: /^Birthday \d+$/ }).click();
    await expect(page).toHaveURL(/kind=birthday/);
    await expect(today.cards().first()).toBeVisible();
    await expect
      .poll(async () => (await today.cards().evaluateAll((cards) => cards.map((card) => card.className))).every((name) => name.includes('kind-birthday')))
      .toBe(true);
    await page.getByRole('button', { name: /^Show all \d+$/ }).click();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await (await download).path();
    const csv = readFileSync(file, 'utf8');
    expect(csv.startsWith('\uFEFFName,Phone,Reason,Due,Note,Outcome\r\n')).toBe(true);
    const firstCallName = await page.locator('.call-list tbody tr td').first().textContent();
    expect(csv.split('\r\n')[1]?.startsWith(firstCallName ?? '?')).toBe(true);
    // The same list as an Excel workbook: the same header, and the same calls in the same order.
    const workbookDownload = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download Excel' }).click();
    const saved = await workbookDownload;
    expect(saved.suggestedFilename()).toMatch(/^calls-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = readWorkbook(readFileSync(await saved.path()), null);
    if (!workbook.ok) throw new Error(`the call list workbook was not read: ${workbook.reason}`);
    expect(workbook.sheets).toEqual(['Calls']);
    expect(workbook.records[0]).toEqual(['Name', 'Phone', 'Reason', 'Due', 'Note', 'Outcome']);
    expect(workbook.records.length).toBe(csv.split('\r\n').filter((line) => line !== '').length);
    expect(workbook.records[1]?.[0]).toBe(firstCallName);

    await page.getByRole('link', { name: 'Customers' }).click();
    const banner = page.getByRole('status', { name: 'Reminders due' });
    await expect(banner).toContainText(/due today|overdue/);
    // The offer stands while the browser has not asked the person yet; a headless shell (the npm
    // package's browser) answers "denied" before anyone is asked, and then nothing is offered.
    const notYetAsked = (await page.evaluate(() => Notification.permission)) === 'default';
    await expect(banner.getByRole('button', { name: 'Show desktop notifications' })).toHaveCount(notYetAsked ? 1 : 0);
    await banner.getByRole('button', { name: 'Dismiss until tomorrow' }).click();
    await expect(banner).toBeHidden();
  } finally {
    await stop();
  }
});

test('Today draws the day from its first cards while the whole agenda is on its way, and loads other screens only after', async ({ page }) => {
  // Seeded for today's date, so its agenda changes from day to day: a book this size has more than
  // the first cards in some section every day (300 customers had 3, 8 and 8 on 7 December).
  const { app, stop } = await startSeededBrowserMode({ customers: 1000, visits: 10000, seed: 3, lang: 'zh_TW.UTF-8', timeZone: 'Asia/Taipei' });
  try {
    // The whole agenda (asked for without a limit) is held back until released; its first cards are not.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const agendaLimits: (number | null)[] = [];
    await page.route('**/rpc', async (route) => {
      const call = route.request().postDataJSON() as { name: string; input: { limit?: number } };
      if (call.name === 'reminders-agenda') {
        agendaLimits.push(call.input.limit ?? null);
        if (call.input.limit === undefined) await held;
      }
      await route.continue();
    });
    const otherScreens: string[] = [];
    page.on('request', (request) => {
      if (/\/assets\/ProfilePage-[^/]*\.js$/.test(request.url())) otherScreens.push(request.url());
    });

    await app.open(page);
    const sections = page.locator('.agenda-section');
    await expect(page.locator('.today .page-subtitle')).toBeVisible();
    await expect(sections).toHaveCount(3);
    expect(agendaLimits.slice(0, 2)).toEqual([8, null]);
    const counts = await sections.locator('.section-count').evaluateAll((badges) => badges.map((badge) => Number(badge.textContent?.replace(/\D/g, ''))));
    expect(counts.some((count) => count > 8)).toBe(true);
    // Every section's count is the book's; its cards are the first ones, without "showing n of m" yet.
    for (const [index, count] of counts.entries()) await expect(sections.nth(index).locator('.reminder-card')).toHaveCount(Math.min(count, 8));
    await expect(page.locator('.agenda-section .list-status')).toHaveCount(0);
    await expect(page.locator('.call-list')).toHaveCount(0);
    // The page sits idle meanwhile, past the time an idle callback is given (3 s): the profile's
    // files are still not asked for while the first screen's reads are on their way.
    await page.waitForTimeout(3500);
    expect(otherScreens).toEqual([]);

    release();
    for (const [index, count] of counts.entries()) await expect(sections.nth(index).locator('.reminder-card')).toHaveCount(Math.min(count, 100));
    await expect(page.locator('.call-list')).toHaveCount(1);
    await expect.poll(() => otherScreens.length).toBeGreaterThan(0);
  } finally {
    await stop();
  }
});
