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
  workers: process.env.CI ? 1 : 2,
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
