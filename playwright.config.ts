import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chooseChromium, chromiumArgs } from './test/support/chromium';

const root = path.dirname(fileURLToPath(import.meta.url));

/** REGULARS_CHROMIUM, else a system Chromium or Chrome, else the npm package's (unpacked by globalSetup). */
export const chromiumChoice = chooseChromium(root);

export default defineConfig({
  testDir: 'test/e2e',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: true,
  // Two at a time on two cores: the whole suite in 6.5 minutes instead of 8.6 at one (CI); the
  // longest tests (two devices syncing) set their own time limits.
  workers: 2,
  reporter: 'list',
  timeout: 45_000,
  expect: { timeout: 10_000 },
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'browser',
      testIgnore: /electron\.spec\.ts/,
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: chromiumChoice.executablePath, env: chromiumChoice.env, args: chromiumArgs },
      },
    },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
});
