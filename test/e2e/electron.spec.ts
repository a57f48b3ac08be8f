import { _electron as electron, expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OwnerControls } from './pages/owner';

/** The Electron executable if this machine has the runtime; its binary comes from outside the npm registry. */
const electronBinary = (): { path: string | null; reason: string } => {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { encoding: 'utf8', timeout: 120_000 });
  if (probe.status === 0 && existsSync(probe.stdout)) return { path: probe.stdout, reason: '' };
  return { path: null, reason: 'the Electron runtime is not installed here and cannot be downloaded (browser mode covers the same core and screens)' };
};

const binary = electronBinary();
const nativeBuild = path.join('.native');

test('the desktop app opens its window on first-run setup, then the customer book', async () => {
  test.skip(binary.path === null, binary.reason);
  test.skip(!existsSync(nativeBuild), 'the SQLite module for Electron has not been built yet: run `npm start` once');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'regulars-electron-'));
  const app = await electron.launch({ executablePath: binary.path!, args: ['.'], env: { ...process.env, REGULARS_DATA_DIR: dataDir, LANG: 'en_US.UTF-8' } });
  try {
    const page = await app.firstWindow();
    await new OwnerControls(page).setUp({ shopName: 'Corner Café', pin: '2580' });
    await expect(page.getByRole('navigation')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Customers' })).toBeVisible();
    const exposed = await page.evaluate(() => Object.keys((globalThis as unknown as { regulars: object }).regulars).sort());
    expect(exposed).toEqual(['invoke', 'on']);
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
