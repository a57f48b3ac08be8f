import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import type { Core } from '../core/core';
import { startHost } from './server';
import type { StaticFile } from './static';

/**
 * Browser mode's entry (dist/host/index.cjs): a small bundle that starts answering at once, then
 * loads the host's core (dist/host/app.cjs, 3.5 MB) from V8's code cache.
 *
 * The page comes first. Loading the core (compiling and running its modules, opening the book)
 * holds this thread for longer than the browser takes to fetch the page's files, and the browser
 * then spends about as long again reading them: so the page and the files it names are sent first,
 * and the core loads while the browser reads them. It starts loading once they have been sent, when
 * a call needs it (a browser that kept the files asks for none), or `loadCoreAfterMs` after start or
 * after the page when neither came. A call that comes before the core is open waits for it: every
 * answer is the core's.
 *
 * The code cache is written when the host exits, next to the bundle. It is only used for the very
 * bundle and Node it was made by (V8 itself checks little more than the source's length), and a
 * cache that cannot be read or written is no error: the host then compiles as it always did.
 */
const loadCoreAfterMs = 1000;

const appFile = path.join(__dirname, 'app.cjs');
const cacheFile = path.join(__dirname, 'app.cjs.code-cache');
const projectRoot = path.resolve(__dirname, '..', '..');

interface HostApp {
  openBrowserCore: () => Core;
}

const readCache = (stamp: Buffer): Buffer | undefined => {
  try {
    const file = readFileSync(cacheFile);
    return file.subarray(0, stamp.length).equals(stamp) ? file.subarray(stamp.length) : undefined;
  } catch {
    return undefined;
  }
};

/** Runs app.cjs, from the code cache when there is one for it, and answers what it exports. */
const loadApp = (): HostApp => {
  const source = readFileSync(appFile, 'utf8');
  const stamp = createHash('sha256').update(process.version).update('\0').update(source).digest();
  const cachedData = readCache(stamp);
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
  return app.exports as HostApp;
};

let core: Core | null = null;
let loadTimer: NodeJS.Timeout | undefined;

const loadCore = (): Core => {
  clearTimeout(loadTimer);
  core ??= loadApp().openBrowserCore();
  return core;
};

/** Loads the core on a later turn, so the requests waiting meanwhile are answered first. */
const loadCoreAfter = (ms: number): void => {
  clearTimeout(loadTimer);
  loadTimer = setTimeout(loadCore, ms);
};

/** The scripts and style sheets a page names, as the browser asks for them (its icon it may ask for later, or never). */
const filesNamedBy = (page: string, pagePath: string): Set<string> =>
  new Set(
    [...page.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((match) => new URL(match[1] ?? '', `http://host${pagePath}`).pathname),
  );

/** Files the page named that have not been sent yet; null until the page was. */
let filesToSend: Set<string> | null = null;

const fileSent = (urlPath: string, file: StaticFile): void => {
  if (core !== null) return;
  if (file.contentType.startsWith('text/html')) {
    filesToSend = filesNamedBy(file.body.toString('utf8'), urlPath);
    loadCoreAfter(loadCoreAfterMs);
    return;
  }
  if (filesToSend === null) return;
  filesToSend.delete(urlPath);
  if (filesToSend.size === 0) loadCoreAfter(0);
};

const main = async (): Promise<void> => {
  const host = await startHost({
    core: () => Promise.resolve(loadCore()),
    staticDir: path.join(projectRoot, 'dist', 'renderer'),
    token: randomBytes(24).toString('base64url'),
    port: Number(process.env.REGULARS_PORT ?? 0),
    onFileSent: fileSent,
  });
  console.log(`Regulars is running at ${host.url}`);
  loadCoreAfter(loadCoreAfterMs);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    clearTimeout(loadTimer);
    // The end-of-day automatic backup (if the book changed) runs before the book closes.
    void host
      .close()
      .then(() => core?.backUpBeforeQuit())
      .finally(() => {
        core?.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

void main();
