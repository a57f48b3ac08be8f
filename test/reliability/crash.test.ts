import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkBook } from '../../electron/core/check';
import { openDatabase } from '../../electron/core/db/connection';
import { bookPath } from '../../electron/core/paths';
import { tempDir } from '../support/core';
import { sized } from './scale';

const writerBundle = path.resolve('node_modules/.cache/regulars-reliability/crash-writer.cjs');

/** Runs the writer until a random moment after it started committing, then SIGKILLs it. */
const writeThenKill = (dataDir: string, seed: number, killAfterMs: number): Promise<string[]> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writerBundle, dataDir, String(seed)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => {
      const first = output === '';
      output += chunk.toString();
      if (first) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`writer ended by itself (${code}): ${errors}`));
      // A line cut by the kill is not a report of a commit: only whole lines count.
      const lines = output.split('\n').slice(0, -1);
      resolve(lines.filter((line) => line !== 'ready'));
    });
  });

describe('crash safety: SIGKILL at random moments', () => {
  beforeAll(async () => {
    mkdirSync(path.dirname(writerBundle), { recursive: true });
    await build({
      entryPoints: ['test/reliability/crash-writer.ts'],
      outfile: writerBundle,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['better-sqlite3'],
      logLevel: 'error',
    });
  });

  const kills = sized(12, 200);

  it(`loses no reported commit and never corrupts the book across ${kills} kills`, async () => {
    const dataDir = tempDir('regulars-crash-');
    const reported = new Map<string, string>();
    for (let round = 0; round < kills; round += 1) {
      const lines = await writeThenKill(dataDir, round + 1, 30 + ((round * 97) % 400));
      for (const line of lines) {
        const [kind = '', id = ''] = line.split(' ');
        reported.set(id, kind);
      }
      const health = checkBook(dataDir);
      expect(health.problems, `after kill ${round + 1}`).toEqual([]);
    }
    const db = openDatabase(bookPath(dataDir), { readonly: true });
    const customers = new Set(db.prepare('SELECT id FROM customers').pluck().all() as string[]);
    const visits = new Set(db.prepare('SELECT id FROM visits').pluck().all() as string[]);
    db.close();
    const missing = [...reported].filter(([id, kind]) => !(kind === 'customer' ? customers : visits).has(id));
    expect(missing).toEqual([]);
    expect(reported.size).toBeGreaterThan(kills);
    console.log(`crash test: ${kills} kills survived, ${reported.size} reported commits verified`);
  }, 600_000);
});
