// `npm run bench`: builds the app (browser mode is measured too), bundles the benchmark harness
// in test/bench and runs it. Arguments pass through: --scale small|full, --json PATH, --fresh.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { root } from './electron-runtime.mjs';

const app = spawnSync(process.execPath, [path.join(root, 'build', 'scripts', 'build.mjs'), '--quiet'], { stdio: 'inherit' });
if (app.status !== 0) process.exit(app.status ?? 1);

// Beside the app's own build (dist/), so checkouts sharing one node_modules do not overwrite each other's harness.
const bundle = path.join(root, 'dist', 'bench', 'run.cjs');
await build({
  entryPoints: [path.join(root, 'test', 'bench', 'run.ts')],
  outfile: bundle,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['better-sqlite3', '@playwright/test', 'playwright-core', 'electron'],
  logLevel: 'error',
});
const run = spawnSync(process.execPath, [bundle, ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
process.exit(run.status ?? 1);
