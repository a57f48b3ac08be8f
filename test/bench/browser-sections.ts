/// <reference lib="dom" />
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chooseChromium, chromiumArgs, ensureChromium } from '../support/chromium';
import { benchPin } from './book';
import type { Figure } from './core-sections';
import { round, summarise } from './measure';

const startHost = (root: string, dataDir: string): Promise<{ child: ChildProcess; url: string }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'dist', 'host', 'index.cjs')], {
      env: { ...process.env, REGULARS_DATA_DIR: dataDir, LANG: 'zh_TW.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/running at (\S+)/);
      if (match?.[1]) resolve({ child, url: match[1] });
    });
    child.on('exit', (code) => reject(new Error(`browser mode exited (${code}): ${output}`)));
  });

/** Resident memory of a process, from /proc (Linux); null elsewhere. */
const rssMb = (pid: number | undefined): number | null => {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((text) => text.startsWith('VmRSS:'));
    return line ? Number(line.replace(/\D+/g, '')) / 1024 : null;
  } catch {
    return null;
  }
};

/** The home screen is Today: interactive once its agenda has loaded (its date shows with it). */
const firstScreenReady = (page: Page) => page.locator('.today .page-subtitle').waitFor({ state: 'visible' });

/**
 * Browser mode from process start to the first interactive screen (the customer list showing
 * customers), then a short session at the counter, after which the host's memory is read.
 */
export const browserFigures = async (root: string, dataDir: string, runs: number): Promise<Figure[]> => {
  const choice = chooseChromium(root);
  await ensureChromium(root, choice);
  const browser: Browser = await chromium.launch({ executablePath: choice.executablePath, env: choice.env, args: chromiumArgs });
  try {
    const starts: number[] = [];
    let session: { child: ChildProcess; page: Page } | null = null;
    for (let run = 0; run < runs; run += 1) {
      const page = await browser.newPage({ locale: 'zh-TW', viewport: { width: 1280, height: 800 } });
      const started = performance.now();
      const host = await startHost(root, dataDir);
      await page.goto(host.url);
      await firstScreenReady(page);
      starts.push(performance.now() - started);
      if (run < runs - 1) {
        host.child.kill('SIGTERM');
        await page.close();
      } else {
        session = { child: host.child, page };
      }
    }
    const { child, page } = session!;
    // A session that fails loses its own figures only: the start-up and every core figure still print.
    const ui = await blankPageFrames(browser)
      .then((frameFloor) => uiSmoothness(page, frameFloor))
      .catch(async (caught: unknown) => {
        const shot = path.join(root, '.bench', 'ui-failure.png');
        await page.screenshot({ path: shot });
        console.error(`the browser session failed (${caught instanceof Error ? caught.message.split('\n')[0] : String(caught)}); its figures are missing; screenshot ${shot}`);
        return [] as Figure[];
      });
    const memory = rssMb(child.pid);
    child.kill('SIGTERM');
    const cold = summarise(starts);
    return [
      { key: 'cold_start_ms', value: round(cold.median, 0), unit: 'ms', note: `browser mode: process start to Today with its agenda, median of ${runs}` },
      ...(memory === null ? [] : [{ key: 'core_rss_mb', value: round(memory, 1), unit: 'MB', note: 'browser-mode host after a session of searches, scrolling and profiles' }]),
      ...ui,
    ];
  } finally {
    await browser.close();
  }
};

/** Frames while the element is scrolled most of its height in 120 steps, one a frame: their p95 and the longest. */
const scrollFrames = (page: Page, selector: string) =>
  page.evaluate(async (target) => {
    const list = document.querySelector(target) as HTMLElement;
    const frames: number[] = [];
    let last = performance.now();
    for (let step = 0; step < 120; step += 1) {
      list.scrollTop += list.scrollHeight / 150;
      await new Promise(requestAnimationFrame);
      const now = performance.now();
      frames.push(now - last);
      last = now;
    }
    frames.sort((a, b) => a - b);
    return { p95: frames[Math.floor(frames.length * 0.95)] ?? 0, longest: frames.at(-1) ?? 0 };
  }, selector);

/**
 * The same frames in a blank page of the same browser, scrolling an element with nothing in it:
 * what the browser's frame clock gives when there is nothing to draw (16.7 ms a frame at 60 Hz,
 * and its jitter) — the scrolling figure's raw.
 */
const blankPageFrames = async (browser: Browser) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.setContent('<div id="blank" style="height: 700px; overflow: auto"><div style="height: 4000000px"></div></div>');
    return await scrollFrames(page, '#blank');
  } finally {
    await page.close();
  }
};

/** Typing in search, scrolling the whole list, opening profiles: what a person would feel as lag. */
const uiSmoothness = async (page: Page, frameFloor: { p95: number }): Promise<Figure[]> => {
  await page.getByRole('navigation').locator('a[href="#/customers"]').click();
  await page.locator('.list-row .row-name').first().waitFor({ state: 'visible' });
  const search = page.locator('#customer-search');
  const keystrokes: number[] = [];
  for (const query of ['陳志明', '王小', 'chen', '5678', '林美']) {
    await search.fill('');
    await search.focus();
    for (const [index, char] of [...query].entries()) {
      const typed = query.slice(0, index + 1);
      const started = performance.now();
      await page.keyboard.type(char);
      // The results of exactly what is typed so far, not those of the keystroke before.
      await page.waitForFunction(
        (text) => Array.from(document.querySelectorAll<HTMLElement>('.list-status')).some((status) => status.dataset.query === text),
        typed,
        { timeout: 5000 },
      );
      keystrokes.push(performance.now() - started);
    }
  }
  // The customers' rows, not the column headers above them (a row of their own).
  const rows = page.locator('.virtual-list .list-row');
  await search.fill('');
  await rows.first().waitFor();
  const scroll = await scrollFrames(page, '.virtual-list');
  const profiles: number[] = [];
  for (let index = 0; index < 5; index += 1) {
    await search.fill('');
    // A row whose page is still on its way has no name yet, and clicking it opens nothing.
    const row = rows.nth(index);
    await row.locator('.row-name').waitFor();
    await row.click();
    const started = performance.now();
    await page.waitForURL(/#\/customers\/[^/]+$/);
    await page.locator('.timeline-entry').first().waitFor({ timeout: 5000 }).catch(() => undefined);
    profiles.push(performance.now() - started);
    await page.goBack();
    await search.waitFor({ state: 'visible' });
  }
  const typed = summarise(keystrokes);
  const dashboard = await dashboardOpen(page);
  return [
    { key: 'ui_search_keystroke_p95_ms', value: round(typed.p95, 0), unit: 'ms', note: `keystroke to the results of what is typed shown, ${typed.samples} keystrokes` },
    { key: 'ui_scroll_frame_p95_ms', value: round(scroll.p95, 1), unit: 'ms', raw: round(frameFloor.p95, 1), note: `frames while scrolling the whole list; longest ${round(scroll.longest, 0)} ms; raw = the same scrolling in a blank page` },
    { key: 'ui_profile_open_p95_ms', value: round(summarise(profiles).p95, 0), unit: 'ms', note: 'click to timeline shown' },
    { key: 'ui_dashboard_open_ms', value: round(dashboard, 0), unit: 'ms', note: 'the owner unlocks, then click on Loyalty to all seven charts drawn' },
  ];
};

const chartsDrawn = 7;

/** The owner unlocks at the counter and opens Loyalty: from the click to every chart drawn. */
const dashboardOpen = async (page: Page): Promise<number> => {
  await page.locator('.owner-lock button').first().click();
  await page.locator('input[name="pin"]').fill(benchPin);
  await page.keyboard.press('Enter');
  const link = page.getByRole('navigation').locator('a[href="#/loyalty"]');
  await link.waitFor();
  const started = performance.now();
  await link.click();
  await page.waitForFunction(
    (count) => document.querySelectorAll('.chart-card .recharts-wrapper > svg.recharts-surface').length >= count,
    chartsDrawn,
    { timeout: 20_000 },
  );
  return performance.now() - started;
};
