import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadBundle } from '../../electron/runtime/code-cache';

describe('a bundle run from the code cache beside it', () => {
  let folder: string;
  let bundle: string;
  const write = (answer: string) => writeFileSync(bundle, `exports.answer = () => ${JSON.stringify(answer)}; exports.dirname = __dirname; exports.lib = require('node:path').sep;`);
  const load = () => loadBundle(bundle, module);

  beforeEach(() => {
    folder = mkdtempSync(path.join(os.tmpdir(), 'regulars-code-cache-'));
    bundle = path.join(folder, 'app.cjs');
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('compiles and runs the bundle without a cache, then runs it from the cache it saved', () => {
    write('first');
    const compiled = load();
    expect(compiled.exports).toMatchObject({ answer: expect.any(Function), dirname: folder, lib: path.sep });
    expect((compiled.exports as { answer: () => string }).answer()).toBe('first');
    expect(compiled.saveCache).not.toBeNull();
    compiled.saveCache?.();
    expect(existsSync(`${bundle}.code-cache`)).toBe(true);

    const cached = load();
    expect(cached.saveCache).toBeNull();
    expect((cached.exports as { answer: () => string }).answer()).toBe('first');
  });

  it('never runs a cache made for other code: a changed bundle is compiled afresh', () => {
    write('first');
    load().saveCache?.();
    // Same length, other code: V8 alone would take the old cache for it.
    write('other');
    const changed = load();
    expect((changed.exports as { answer: () => string }).answer()).toBe('other');
    expect(changed.saveCache).not.toBeNull();
  });

  it('compiles the bundle when its cache is damaged or cannot be written', () => {
    write('first');
    load().saveCache?.();
    const cacheFile = `${bundle}.code-cache`;
    const cache = readFileSync(cacheFile);
    writeFileSync(cacheFile, Buffer.concat([cache.subarray(0, 64), Buffer.alloc(cache.length - 64, 7)]));
    const damaged = load();
    expect((damaged.exports as { answer: () => string }).answer()).toBe('first');
    expect(damaged.saveCache).not.toBeNull();

    rmSync(cacheFile);
    // A folder where the cache would go: writing it fails, quietly, and leaves nothing half-written.
    const blocked = load();
    rmSync(folder, { recursive: true, force: true });
    expect(() => blocked.saveCache?.()).not.toThrow();
  });
});
