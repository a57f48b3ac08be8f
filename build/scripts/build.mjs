// Builds what is out of date: main, preload, host and CLI with esbuild; the renderer with Vite.
// Usage: node build/scripts/build.mjs [--force] [--quiet]
import { build as esbuild } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const force = process.argv.includes('--force');
const quiet = process.argv.includes('--quiet');
const say = (line) => quiet || console.log(line);

const newestMtime = (entries) => {
  let newest = 0;
  const visit = (target) => {
    if (!existsSync(target)) return;
    const stats = statSync(target);
    if (stats.isDirectory()) for (const name of readdirSync(target)) visit(path.join(target, name));
    else newest = Math.max(newest, stats.mtimeMs);
  };
  for (const entry of entries) visit(path.join(root, entry));
  return newest;
};

const outdated = (output, inputs) => {
  const file = path.join(root, output);
  return force || !existsSync(file) || statSync(file).mtimeMs < newestMtime(inputs);
};

const nodeInputs = ['electron', 'shared', 'package.json', 'build/scripts/build.mjs'];
const bundles = [
  { entry: 'electron/main/index.ts', out: 'dist/main/index.cjs' },
  { entry: 'electron/preload/index.ts', out: 'dist/preload/index.cjs' },
  // Browser mode: index.cjs runs app.cjs (the host and core) from V8's code cache (see launch.ts).
  { entry: 'electron/host/index.ts', out: 'dist/host/app.cjs' },
  { entry: 'electron/host/launch.ts', out: 'dist/host/index.cjs' },
  { entry: 'electron/cli/index.ts', out: 'dist/cli/index.cjs', banner: '#!/usr/bin/env node' },
  // Long jobs (backup, restore check, import, export) run here, off the thread that serves the UI.
  { entry: 'electron/core/jobs/worker.ts', out: 'dist/worker/job-worker.cjs' },
  // A job worker's first file: it runs job-worker.cjs from V8's code cache (worker-entry.ts).
  { entry: 'electron/core/jobs/worker-entry.ts', out: 'dist/worker/jobs.cjs' },
  // A job's helper thread (the check beside a backup): only the check and the SQLite module, so it starts at once.
  { entry: 'electron/core/jobs/check-thread.ts', out: 'dist/worker/check.cjs' },
  // Serving a shared book on the shop's network while the app runs: each session writes the book off the UI's thread.
  { entry: 'electron/core/jobs/serve-thread.ts', out: 'dist/worker/serve.cjs' },
];

/**
 * Packages only a few calls need, loaded at their first use rather than when a bundle starts: the
 * bundle holds each behind a stand-in with the exports named here, which loads the package when one
 * is first used (esbuild runs a module reached by require() only when it is required). Browser mode
 * loads its core from V8's code cache (see electron/host/launch.ts), and reading that cache is most
 * of loading it: pinyin-pro's dictionaries (only writing a customer's name needs them) and
 * jschardet's language models (only reading an import's file does) were 2.1 of its 3.7 MB. An
 * export not named here fails the build ("No matching export"), not a call.
 */
const lazyPackages = {
  'pinyin-pro': ['pinyin'],
  jschardet: ['default'],
};
const standIn = (name) =>
  [
    'let loaded;',
    `const load = () => (loaded ??= require(${JSON.stringify(name)}));`,
    ...lazyPackages[name].map((exported) =>
      exported === 'default'
        ? 'export default new Proxy({}, { get: (_, key) => load()[key] });'
        : `export const ${exported} = (...args) => load().${exported}(...args);`,
    ),
  ].join('\n');
const loadWhenUsed = {
  name: 'load-when-used',
  setup(build) {
    const filter = new RegExp(`^(${Object.keys(lazyPackages).join('|')})$`);
    // The stand-in's own require() reaches the package itself.
    build.onResolve({ filter }, (args) => (args.namespace === 'load-when-used' ? undefined : { path: args.path, namespace: 'load-when-used' }));
    build.onLoad({ filter: /.*/, namespace: 'load-when-used' }, (args) => ({ contents: standIn(args.path), resolveDir: root, loader: 'js' }));
  },
};

for (const bundle of bundles) {
  if (!outdated(bundle.out, nodeInputs)) continue;
  await esbuild({
    entryPoints: [path.join(root, bundle.entry)],
    outfile: path.join(root, bundle.out),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'linked',
    // Start-up time is mostly V8 compiling the bundle: minified, it compiles in half the time
    // (browser mode's host, measured). Names are kept, so stack traces and error names still read.
    minify: true,
    keepNames: true,
    // Native and Electron modules are loaded at run time, never bundled.
    external: ['electron', 'better-sqlite3'],
    plugins: [loadWhenUsed],
    banner: bundle.banner ? { js: bundle.banner } : undefined,
    logLevel: 'warning',
  });
  say(`built ${bundle.out}`);
}

if (outdated('dist/renderer/index.html', ['renderer', 'shared', 'vite.config.ts', 'package.json'])) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: quiet ? 'error' : 'warn' });
  say('built dist/renderer');
}
