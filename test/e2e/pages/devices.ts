import { expect, type Browser, type Page } from '@playwright/test';
import type { RunningApp } from '../fixtures';

/** Settings → Devices as two browser-mode hosts use it (devices.spec, devices-network.spec), in any language. */

/** How long a sync between two hosts may take. */
export const syncTimeout = { timeout: 30_000 };

/** A browser of its own for one host, in the owner's language. */
export const pageFor = async (browser: Browser, app: RunningApp, locale: string): Promise<Page> => {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await app.open(page);
  return page;
};

/** Settings, then Devices, by the words of the page's language. */
export const openDevices = async (page: Page, words: { settings: string; settingsLink: string; devices: string }) => {
  await page.getByRole('navigation').getByRole('link', { name: words.settings }).click();
  await page.getByRole('link', { name: words.settingsLink }).click();
  await expect(page.getByRole('heading', { name: words.devices, level: 1 })).toBeVisible();
};

/** Presses a sync button and waits for that sync to end (its progress bar shown, then gone). */
export const syncWith = async (page: Page, button: string) => {
  await page.getByRole('button', { name: button }).click();
  await expect(page.locator('.devices .progress')).toBeVisible();
  await expect(page.locator('.devices .progress')).toBeHidden(syncTimeout);
};
