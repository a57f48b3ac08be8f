import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/**
 * Browser mode's entry (dist/host/index.cjs): runs the bundled host (dist/host/app.cjs) from V8's
 * code cache when it has one. Compiling the 3.5 MB bundle was a third of the host's start; with the
 * cache, V8 takes the bytecode of everything the last run compiled instead of parsing it again.
 *
 * The cache is written when the host exits, next to the bundle. It is only used for the very
 * bundle and Node it was made by (V8 itself checks little more than the source's length), and a
 * cache that cannot be read or written is no error: the host then compiles as it always did.
 */
const appFile = path.join(__dirname, 'app.cjs');
const cacheFile = path.join(__dirname, 'app.cjs.code-cache');
const source = readFileSync(appFile, 'utf8');
const stamp = createHash('sha256').update(process.version).update('\0').update(source).digest();

const readCache = (): Buffer | undefined => {
  try {
    const file = readFileSync(cacheFile);
    return file.subarray(0, stamp.length).equals(stamp) ? file.subarray(stamp.length) : undefined;
  } catch {
    return undefined;
  }
};

const cachedData = readCache();
const script = new vm.Script(Module.wrap(source), { filename: appFile, cachedData });

if (cachedData === undefined || script.cachedDataRejected) {
  process.once('exit', () => {
    const partial = `${cacheFile}.${process.pid}`;
    try {
      writeFileSync(partial, Buffer.concat([stamp, script.createCachedData()]));
      // Renamed into place whole, so a host starting meanwhile never reads half a cache.
      renameSync(partial, cacheFile);
    } catch {
      rmSync(partial, { force: true });
    }
  });
}

const app = new Module(appFile, module);
app.filename = appFile;
const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
run.call(app.exports, app.exports, createRequire(appFile), app, appFile, __dirname);
