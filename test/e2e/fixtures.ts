import { test as base, expect, type Page } from '@playwright/test';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface RunningApp {
  url: string;
  dataDir: string;
  /**
   * Opens the app in the test's page (with its locale) and waits for the first screen. A new book is
   * first set up through the API with `ownerPin` (language and currency left as the system gives
   * them), so the test starts where a shop does after setup: unlocked as the owner.
   */
  open(page: Page): Promise<void>;
  /** Opens a new book as a newcomer finds it: on the first-run setup screen. */
  openFirstRun(page: Page): Promise<void>;
  /** Calls a handler as the page would, with the session token. */
  rpc(name: string, input: unknown): Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
}

/** The owner PIN the `open` fixture sets. */
export const ownerPin = '2580';

/** The browser locales a test runs in, each with the app language it brings up. */
export const appLocales = [
  { locale: 'en-US', language: 'en' },
  { locale: 'zh-TW', language: 'zh-Hant' },
  { locale: 'zh-CN', language: 'zh-Hans' },
] as const;

/**
 * Starts browser mode, as `npm start` would here: on a fresh, empty data folder (removed on stop),
 * or on the given one (kept, so a test can restart the app on the same book).
 */
export const startBrowserMode = async (env: NodeJS.ProcessEnv = {}, existingDataDir?: string): Promise<{ app: RunningApp; stop: () => Promise<void> }> => {
  const dataDir = existingDataDir ?? mkdtempSync(path.join(os.tmpdir(), 'regulars-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['dist/host/index.cjs'], {
    env: { ...process.env, LANG: 'C', LC_ALL: '', REGULARS_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The folder goes once the app has exited: it writes to its book until then.
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
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
  const origin = new URL(url).origin;
  const token = new URL(url).searchParams.get('token') ?? '';
  const rpc: RunningApp['rpc'] = async (name, input) => {
    const response = await fetch(`${origin}/rpc`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-regulars-token': token },
      body: JSON.stringify({ name, input }),
    });
    return (await response.json()) as Awaited<ReturnType<RunningApp['rpc']>>;
  };
  const app: RunningApp = {
    url,
    dataDir,
    rpc,
    open: async (page) => {
      const session = (await rpc('session-get', {})).value as { ownerPinSet: boolean };
      if (!session.ownerPinSet) {
        const settings = (await rpc('settings-get', {})).value as { currency: string };
        const setup = await rpc('auth-setup', { shopName: '', currency: settings.currency, language: null, pin: ownerPin });
        if (!setup.ok) throw new Error(`setup failed: ${JSON.stringify(setup.error)}`);
      }
      await page.goto(url);
      await expect(page.getByRole('navigation')).toBeVisible();
    },
    openFirstRun: async (page) => {
      await page.goto(url);
    },
  };
  return {
    app,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      if (existingDataDir === undefined) rmSync(dataDir, { recursive: true, force: true });
    },
  };
};

/** A book as `regulars seed` makes one: its size, its random seed, and the system's language and time zone it is seeded under. */
export interface SeededBook {
  customers: number;
  visits: number;
  seed: number;
  lang: string;
  timeZone?: string;
}

/** Seeds a fresh book with the CLI, then starts browser mode on it (in the same time zone); stop removes the book too. */
export const startSeededBrowserMode = async (book: SeededBook): Promise<{ app: RunningApp; stop: () => Promise<void> }> => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'regulars-e2e-seeded-'));
  const zone = book.timeZone === undefined ? {} : { TZ: book.timeZone };
  try {
    const size = ['--customers', String(book.customers), '--visits', String(book.visits), '--seed', String(book.seed)];
    execFileSync(process.execPath, ['dist/cli/index.cjs', 'seed', '--data', dataDir, ...size], { env: { ...process.env, LANG: book.lang, ...zone } });
    const running = await startBrowserMode(zone, dataDir);
    return {
      app: running.app,
      stop: async () => {
        await running.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (caught) {
    rmSync(dataDir, { recursive: true, force: true });
    throw caught;
  }
};

/** Makes a new folder in the system's temporary folder (its name starting with `prefix`); each is removed after the test. */
export type Scratch = (prefix: string) => string;

export const test = base.extend<{ app: RunningApp; scratch: Scratch }>({
  app: async ({}, use) => {
    const { app, stop } = await startBrowserMode();
    await use(app);
    await stop();
  },
  scratch: async ({}, use) => {
    const made: string[] = [];
    await use((prefix) => {
      const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
      made.push(dir);
      return dir;
    });
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };
