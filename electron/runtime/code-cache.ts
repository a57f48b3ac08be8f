import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/**
 * Runs a CommonJS bundle compiled from V8's code cache kept beside it (`<bundle>.code-cache`).
 * Compiling a 3.5 MB bundle is most of what starting browser mode's core or a job's worker costs;
 * from the cache it is a third of that.
 *
 * A cache is only used for the very bundle and Node it was made by (V8 itself checks little more
 * than the source's length), and one that cannot be read or written is no error: the bundle is
 * then compiled as it always was.
 */
export interface LoadedBundle {
  exports: unknown;
  /**
   * Writes the cache, when there was none for this bundle or V8 refused it; null when the cache
   * was used. Called once the bundle has done its usual work, so the functions V8 compiled only
   * when first run are in the cache too.
   */
  saveCache: (() => void) | null;
}

const digestOf = (data: Buffer): Buffer => createHash('sha256').update(data).digest();

/**
 * The cache file: the stamp of the bundle and Node it is for, the digest of what V8 made, then
 * that. The digest is checked because V8 does not say when it quietly ignores damaged data, and a
 * damaged cache would then never be written again.
 */
const readCache = (cacheFile: string, stamp: Buffer): Buffer | undefined => {
  try {
    const file = readFileSync(cacheFile);
    const data = file.subarray(stamp.length * 2);
    const fits = file.subarray(0, stamp.length).equals(stamp) && file.subarray(stamp.length, stamp.length * 2).equals(digestOf(data));
    return fits ? data : undefined;
  } catch {
    return undefined;
  }
};

export const loadBundle = (file: string, parent: Module): LoadedBundle => {
  const cacheFile = `${file}.code-cache`;
  // Hashed as read: hashing the decoded text would encode its megabytes to UTF-8 again.
  const bytes = readFileSync(file);
  const stamp = createHash('sha256').update(process.version).update('\0').update(bytes).digest();
  const cachedData = readCache(cacheFile, stamp);
  const script = new vm.Script(Module.wrap(bytes.toString('utf8')), { filename: file, cachedData });
  const loaded = new Module(file, parent);
  loaded.filename = file;
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(loaded.exports, loaded.exports, createRequire(file), loaded, file, path.dirname(file));
  const saveCache = (): void => {
    const partial = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    try {
      const data = script.createCachedData();
      writeFileSync(partial, Buffer.concat([stamp, digestOf(data), data]));
      // Renamed into place whole, so a process or thread starting meanwhile never reads half a cache.
      renameSync(partial, cacheFile);
    } catch {
      rmSync(partial, { force: true });
    }
  };
  return { exports: loaded.exports, saveCache: cachedData === undefined || script.cachedDataRejected === true ? saveCache : null };
};
