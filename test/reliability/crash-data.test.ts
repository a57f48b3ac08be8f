import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { backupExtension } from '../../shared/contract/backup';
import { checkBook } from '../../electron/core/check';
import { openCore } from '../../electron/core/core';
import { openDatabase } from '../../electron/core/db/connection';
import { bookPath } from '../../electron/core/paths';
import { seedBook } from '../../electron/core/seed/seed';
import { memberCsv, memberRows } from '../bench/spreadsheet';
import { tempDir } from '../support/core';
import { sized } from './scale';

const rounds = sized(4, 30);

const victimBundle = path.resolve('node_modules/.cache/regulars-reliability/data-job-victim.cjs');

type Operation = 'import' | 'restore' | 'backup';

interface Run {
  outcome: 'killed' | 'finished';
  /** From "start" to the end of the process. */
  ms: number;
}

/** Starts the operation and kills it `killAfterMs` after it began (or lets it finish first, if it is quicker). */
const runThenKill = (dataDir: string, operation: Operation, target: string, killAfterMs: number | null): Promise<Run> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [victimBundle, dataDir, operation, target], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    let startedAt = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      const started = output === '';
      output += chunk.toString();
      if (!started) return;
      startedAt = performance.now();
      if (killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      const ms = performance.now() - startedAt;
      if (signal === 'SIGKILL') return resolve({ outcome: output.includes('done') ? 'finished' : 'killed', ms });
      if (code === 0) return resolve({ outcome: 'finished', ms });
      reject(new Error(`${operation} failed by itself (${code}): ${errors}`));
    });
  });

/**
 * Kills spread evenly over how long one uninterrupted run of the operation takes on this
 * machine, so every phase (reading, writing, checking, swapping) is hit sooner or later.
 */
const killMoments = async (operation: Operation, fresh: () => string, target: string): Promise<number[]> => {
  const { ms } = await runThenKill(fresh(), operation, target, null);
  return Array.from({ length: rounds }, (_, round) => Math.round((ms * (round + 0.5)) / rounds));
};

const customerIds = (dataDir: string): string[] => {
  const db = openDatabase(bookPath(dataDir), { readonly: true });
  try {
    return db.prepare('SELECT id FROM customers ORDER BY id').pluck().all() as string[];
  } finally {
    db.close();
  }
};

/** A book of `customers` customers, seeded and closed, to copy for each round. */
const seededBook = (customers: number, seed: number): string => {
  const dataDir = tempDir('regulars-crash-data-');
  const core = openCore({ dataDir, transport: 'browser', authority: 'owner', systemLocales: ['zh-TW'] });
  seedBook(core.db, { customers, visits: customers * 4, seed, days: 120, now: new Date('2026-11-20T10:00:00Z') });
  core.close();
  return dataDir;
};

const copyOf = (dataDir: string): string => {
  const copy = tempDir('regulars-crash-round-');
  cpSync(dataDir, copy, { recursive: true });
  return copy;
};

/**
 * After a kill the app starts again on the book (SQLite recovers what the killed process left in
 * its write-ahead log), answers a search, and the book then passes `check`.
 */
const opensSound = async (dataDir: string): Promise<void> => {
  const core = openCore({ dataDir, transport: 'browser', authority: 'owner', systemLocales: ['zh-TW'] });
  try {
    expect((await core.call('customers-search', { query: '陳' })).ok).toBe(true);
  } finally {
    core.close();
  }
  expect(checkBook(dataDir).problems).toEqual([]);
};


describe('crash safety of long data work: SIGKILL during an import, a restore and a backup', () => {
  let base: string;
  let before: string[];

  beforeAll(async () => {
    mkdirSync(path.dirname(victimBundle), { recursive: true });
    await build({ entryPoints: ['test/reliability/data-job-victim.ts'], outfile: victimBundle, bundle: true, platform: 'node', format: 'cjs', external: ['better-sqlite3'], logLevel: 'error' });
    base = seededBook(200, 11);
    before = customerIds(base);
  }, 120_000);

  it(`an import is all or nothing across ${rounds} kills`, async () => {
    const rows = 3000;
    const file = path.join(tempDir('regulars-crash-csv-'), 'members.csv');
    writeFileSync(file, memberCsv(memberRows(rows, 5)));
    const outcomes: string[] = [];
    for (const [round, moment] of (await killMoments('import', () => copyOf(base), file)).entries()) {
      const dataDir = copyOf(base);
      outcomes.push((await runThenKill(dataDir, 'import', file, moment)).outcome);
      await opensSound(dataDir);
      const after = customerIds(dataDir).length;
      expect([before.length, before.length + rows], `round ${round + 1}`).toContain(after);
    }
    expect(outcomes).toContain('killed');
  }, 300_000);

  it(`a restore leaves the book either as it was or as the backup across ${rounds} kills`, async () => {
    const other = seededBook(120, 12);
    const backups = tempDir('regulars-crash-backups-');
    const maker = openCore({ dataDir: other, transport: 'browser', authority: 'owner', systemLocales: ['zh-TW'] });
    const made = await maker.call('backup-create', { folder: backups });
    maker.close();
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    const fromBackup = customerIds(other);
    const outcomes: string[] = [];
    for (const [round, moment] of (await killMoments('restore', () => copyOf(base), made.value.file)).entries()) {
      const dataDir = copyOf(base);
      outcomes.push((await runThenKill(dataDir, 'restore', made.value.file, moment)).outcome);
      await opensSound(dataDir);
      const after = customerIds(dataDir);
      expect([JSON.stringify(before), JSON.stringify(fromBackup)], `round ${round + 1}`).toContain(JSON.stringify(after));
    }
    expect(outcomes).toContain('killed');
  }, 300_000);

  it(`a backup never leaves a broken backup file or a changed book across ${rounds} kills`, async () => {
    const outcomes: string[] = [];
    let cleared = 0;
    for (const [round, moment] of (await killMoments('backup', () => copyOf(base), tempDir('regulars-crash-backup-out-'))).entries()) {
      const dataDir = copyOf(base);
      const folder = tempDir('regulars-crash-backup-out-');
      outcomes.push((await runThenKill(dataDir, 'backup', folder, moment)).outcome);
      await opensSound(dataDir);
      expect(customerIds(dataDir)).toEqual(before);
      const finished = readdirSync(folder).filter((name) => name.endsWith(backupExtension));
      const reader = openCore({ dataDir: tempDir('regulars-crash-reader-'), transport: 'browser', authority: 'owner', systemLocales: ['zh-TW'] });
      try {
        for (const name of finished) {
          const checked = await reader.call('restore-prepare', { source: { kind: 'path', path: path.join(folder, name) }, passphrase: null });
          expect(checked.ok, `round ${round + 1}: ${name}`).toBe(true);
        }
      } finally {
        reader.close();
      }
      // What a killed backup left (its partial file) is cleared by a later backup into the folder.
      const leftovers = readdirSync(folder).filter((name) => !name.endsWith(backupExtension));
      if (leftovers.length > 0) {
        cleared += 1;
        const hourAgo = new Date(Date.now() - 3_600_000);
        for (const name of leftovers) utimesSync(path.join(folder, name), hourAgo, hourAgo);
        const later = openCore({ dataDir, transport: 'browser', authority: 'owner', systemLocales: ['zh-TW'] });
        try {
          expect((await later.call('backup-create', { folder })).ok).toBe(true);
        } finally {
          later.close();
        }
        expect(readdirSync(folder).filter((name) => !name.endsWith(backupExtension)), `round ${round + 1}`).toEqual([]);
      }
    }
    expect(outcomes).toContain('killed');
    console.log(`backup kills: ${outcomes.filter((outcome) => outcome === 'killed').length} of ${outcomes.length} mid-backup; ${cleared} left a partial file, cleared by the next backup`);
  }, 300_000);
});
