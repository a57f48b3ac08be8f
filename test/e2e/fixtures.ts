import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunningApp {
  url: string;
  dataDir: string;
  /** Opens the app in the test's page (with its locale) and waits for the first screen. */
  open(page: Page): Promise<void>;
}

/**
 * Starts browser mode, as `npm start` would here: on a fresh, empty data folder (removed on stop),
 * or on the given one (kept, so a test can restart the app on the same book).
 */
export const startBrowserMode = async (env: NodeJS.ProcessEnv = {}, existingDataDir?: string): Promise<{ app: RunningApp; stop: () => void }> => {
  const dataDir = existingDataDir ?? mkdtempSync(path.join(os.tmpdir(), 'regulars-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['dist/host/index.cjs'], {
    env: { ...process.env, LANG: 'C', LC_ALL: '', REGULARS_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/^Regulars is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)$/m);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`browser mode exited (${code}): ${output}`)));
  });
  const app: RunningApp = {
    url,
    dataDir,
    open: async (page) => {
      await page.goto(url);
      await expect(page.getByRole('navigation')).toBeVisible();
    },
  };
  return {
    app,
    stop: () => {
      child.kill('SIGTERM');
      if (existingDataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

export const test = base.extend<{ app: RunningApp }>({
  app: async ({}, use) => {
    const { app, stop } = await startBrowserMode();
    await use(app);
    stop();
  },
});

export { expect };
