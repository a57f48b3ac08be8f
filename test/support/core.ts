import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';
import type { HandlerName, InputOf, OutputOf } from '../../shared/contract';
import type { Role } from '../../shared/contract/define';
import { openCore, type Core, type CoreOptions } from '../../electron/core/core';
import { expectOk } from './result';

const opened: { core: Core; dir: string }[] = [];

afterEach(() => {
  for (const { core, dir } of opened.splice(0)) {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

const madeInThisFile: string[] = [];

// Removed when the file's tests are done, not after each test: some files make a folder once for all of them.
afterAll(() => {
  for (const dir of madeInThisFile.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new folder in the system's temporary folder, removed when the test file is done. */
export const tempDir = (prefix = 'regulars-test-'): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  madeInThisFile.push(dir);
  return dir;
};

/**
 * A fresh book in a temporary folder, closed and removed after the test. It opens as the app does
 * (authority 'counter'): without an owner PIN the session is the owner's. `role: 'staff'` starts it
 * at the counter instead, for tests of what staff may do; `setUpOwner` gives it a real PIN.
 */
export const freshCore = (options: Partial<CoreOptions> & { role?: Role } = {}): Core => {
  const { role, ...coreOptions } = options;
  const dir = coreOptions.dataDir ?? tempDir();
  // A book shared on the network in a test listens on loopback only, on a free port.
  const core = openCore({ dataDir: dir, transport: 'browser', authority: 'counter', systemLocales: ['zh-TW'], shopNetwork: { host: '127.0.0.1', port: 0 }, ...coreOptions });
  if (role !== undefined) core.session.role = role;
  opened.push({ core, dir });
  return core;
};

export const testPin = '2580';

/** First-run setup with `pin`, then locked: the book as staff find it at the counter. Answers the recovery code. */
export const setUpOwner = async (core: Core, pin = testPin): Promise<string> => {
  const { recoveryCode } = await callOk(core, 'auth-setup', { shopName: 'Corner Café', currency: 'TWD', language: null, pin });
  await callOk(core, 'auth-lock', {});
  return recoveryCode;
};

/** A settable clock for tests that depend on the time of day. */
export const fixedClock = (iso: string) => {
  let current = new Date(iso);
  return {
    now: () => new Date(current),
    set: (next: string) => {
      current = new Date(next);
    },
  };
};

/** Unwraps a result the test expects to succeed, failing with the error value otherwise. */
export { expectOk };

export const callOk = async <N extends HandlerName>(core: Core, name: N, input: InputOf<N>): Promise<OutputOf<N>> =>
  expectOk(await core.call(name, input));

/** Every row of every table, to prove that a refused call changed nothing. */
export const bookSnapshot = (core: Core, skip: readonly string[] = []): string => {
  const tables = (
    core.db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'customers_fts%' ORDER BY name")
      .pluck()
      .all() as string[]
  ).filter((table) => !skip.includes(table));
  return JSON.stringify(tables.map((table) => [table, core.db.prepare(`SELECT * FROM "${table}" ORDER BY 1`).all()]));
};
