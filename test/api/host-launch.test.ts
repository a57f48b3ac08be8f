import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/core';

/** Browser mode as built (`npm test` builds it first): index.cjs runs app.cjs from V8's code cache. */
const built = path.resolve('dist/host');

/** A copy of the built host in a folder of its own, so its code cache is this test's alone; its page is a stand-in. */
const copyOfHost = (): string => {
  const root = tempDir('regulars-launch-');
  const dir = path.join(root, 'dist', 'host');
  mkdirSync(dir, { recursive: true });
  for (const file of ['index.cjs', 'app.cjs']) copyFileSync(path.join(built, file), path.join(dir, file));
  mkdirSync(path.join(root, 'dist', 'renderer'));
  writeFileSync(path.join(root, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Regulars</title>');
  return dir;
};

/** Starts browser mode, asks who is at the counter, and stops it as the app stops (SIGTERM). */
const startAndAsk = (hostDir: string, dataDir: string): Promise<unknown> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(hostDir, 'index.cjs')], { env: { ...process.env, REGULARS_DATA_DIR: dataDir, NODE_PATH: path.resolve('node_modules') }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let answer: unknown = null;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = output.match(/running at (\S+)/)?.[1];
      if (!url || answer !== null) return;
      answer = 'asking';
      const address = new URL(url);
      void fetch(new URL('/rpc', address), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-regulars-token': address.searchParams.get('token') ?? '' },
        body: JSON.stringify({ name: 'session-get', input: {} }),
      })
        .then((response) => response.json())
        .then((body: unknown) => {
          answer = body;
          child.kill('SIGTERM');
        }, reject);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => (code === 0 && answer !== null && answer !== 'asking' ? resolve(answer) : reject(new Error(`browser mode exited (${code}): ${output}`))));
  });

/**
 * Loaded with --require: the main thread takes `ms` longer to run app.cjs (the core), as on a slow
 * computer, so what the host answers while its core loads can be seen.
 */
const slowCoreHook = (ms: number): string => {
  const file = path.join(tempDir('regulars-launch-hook-'), 'slow-core.cjs');
  writeFileSync(
    file,
    `const vm = require('node:vm');
if (require('node:worker_threads').isMainThread) {
  const run = vm.Script.prototype.runInThisContext;
  vm.Script.prototype.runInThisContext = function (...args) {
    const until = Date.now() + ${ms};
    while (Date.now() < until);
    return run.apply(this, args);
  };
}
`,
  );
  return file;
};

describe('browser mode while its core loads', () => {
  it('sends the page at once, and answers a call that came meanwhile from the core once it is open', { timeout: 60_000 }, async () => {
    const hostDir = copyOfHost();
    const child = spawn(process.execPath, ['--require', slowCoreHook(3000), path.join(hostDir, 'index.cjs')], {
      env: { ...process.env, REGULARS_DATA_DIR: tempDir('regulars-launch-book-'), NODE_PATH: path.resolve('node_modules') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<URL>((resolve, reject) => {
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = output.match(/running at (\S+)/);
          if (match?.[1]) resolve(new URL(match[1]));
        });
        child.on('exit', (code) => reject(new Error(`browser mode exited (${code}): ${output}`)));
      });
      const answered: string[] = [];
      // The call first: the core it waits for is busy loading for seconds.
      const call = fetch(new URL('/rpc', url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-regulars-token': url.searchParams.get('token') ?? '' },
        body: JSON.stringify({ name: 'session-get', input: {} }),
      })
        .then((response) => response.json())
        .then((body: unknown) => {
          answered.push('call');
          return body;
        });
      const page = await fetch(new URL('/', url)).then((response) => response.text());
      answered.push('page');
      expect(page).toContain('<title>Regulars</title>');
      expect(await call).toMatchObject({ ok: true, value: { role: 'owner' } });
      expect(answered).toEqual(['page', 'call']);
    } finally {
      child.kill('SIGTERM');
    }
  });
});

describe('browser mode from its code cache', () => {
  it('writes the cache when it stops, starts from it the next time, and ignores a cache made for another bundle', { timeout: 60_000 }, async () => {
    expect(existsSync(path.join(built, 'app.cjs')), 'dist/host is built by `npm test` (node build/scripts/build.mjs)').toBe(true);
    const hostDir = copyOfHost();
    const dataDir = tempDir('regulars-launch-book-');
    const cacheFile = path.join(hostDir, 'app.cjs.code-cache');
    // Left by an earlier build: its stamp names another bundle, so it must not be used.
    writeFileSync(cacheFile, Buffer.alloc(4096, 7));

    expect(await startAndAsk(hostDir, dataDir)).toMatchObject({ ok: true, value: { role: 'owner' } });
    const stamp = createHash('sha256').update(process.version).update('\0').update(readFileSync(path.join(hostDir, 'app.cjs'), 'utf8')).digest();
    const cache = readFileSync(cacheFile);
    expect(cache.subarray(0, stamp.length).equals(stamp)).toBe(true);
    expect(cache.length).toBeGreaterThan(100_000);
    // Reading it is most of loading the core: the packages loaded when first used (build.mjs) are
    // not in it (pinyin-pro's and jschardet's tables made it 3.7 MB; 1.6 MB without).
    expect(cache.length).toBeLessThan(2_500_000);

    // The second start runs from the cache and answers as the first did.
    expect(await startAndAsk(hostDir, dataDir)).toMatchObject({ ok: true, value: { role: 'owner' } });
  });
});
