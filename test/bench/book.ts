import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openCore } from '../../electron/core/core';
import { latestSchemaVersion } from '../../electron/core/db/migrations';
import { seedBook } from '../../electron/core/seed/seed';

export const scales = {
  small: { customers: 2_000, visits: 20_000 },
  full: { customers: 100_000, visits: 1_000_000 },
  /** A scale probe, never in CI: ten times the full book. */
  huge: { customers: 1_000_000, visits: 10_000_000 },
} as const;
export type Scale = keyof typeof scales;

interface BookStamp {
  scale: Scale;
  customers: number;
  visits: number;
  seed: number;
  schemaVersion: number;
  seedMs: number;
  seededAt: string;
}

/** The fixed random seed and day: the same book on every run and every machine. */
const benchSeed = 20261123;
export const benchNow = new Date('2026-11-23T10:00:00.000Z');
/** The bench book's owner PIN: browser mode unlocks with it to open the loyalty dashboard. */
export const benchPin = '2580';

/**
 * The benchmark's book in .bench/<scale>, seeded through the CLI's own seed code. A book seeded
 * earlier at the same scale and schema is reused (seeding the full book takes about a minute);
 * `fresh` seeds again and so measures seed_ms anew.
 */
export const prepareBook = async (root: string, scale: Scale, fresh: boolean): Promise<{ dataDir: string; stamp: BookStamp; reused: boolean }> => {
  const dataDir = path.join(root, '.bench', scale);
  const stampFile = path.join(dataDir, 'bench-book.json');
  const wanted = { scale, ...scales[scale], seed: benchSeed, schemaVersion: latestSchemaVersion };
  if (!fresh && existsSync(stampFile)) {
    const stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as BookStamp;
    if (Object.entries(wanted).every(([key, value]) => stamp[key as keyof BookStamp] === value)) return { dataDir, stamp, reused: true };
  }
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const core = openCore({ dataDir, transport: 'browser', authority: 'owner', systemLocales: ['zh-TW'], now: () => benchNow });
  const started = performance.now();
  seedBook(core.db, { customers: wanted.customers, visits: wanted.visits, seed: benchSeed, days: 730, now: benchNow });
  const seedMs = performance.now() - started;
  // A shop past its first run, so browser mode opens at the counter rather than on setup.
  const setup = await core.call('auth-setup', { shopName: 'Bench Café', currency: 'TWD', language: null, pin: benchPin });
  core.close();
  if (!setup.ok) throw new Error(`setting up the bench book failed: ${setup.error.code}`);
  const stamp: BookStamp = { ...wanted, seedMs, seededAt: new Date().toISOString() };
  writeFileSync(stampFile, JSON.stringify(stamp, null, 2));
  return { dataDir, stamp, reused: false };
};
