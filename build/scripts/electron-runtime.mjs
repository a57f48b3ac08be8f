// Finding the Electron runtime and building the Electron flavour of better-sqlite3 beside the Node
// one, shared by `npm start` and `npm run dist`. Never part of `npm install`: it needs downloads
// (Electron itself, its headers) that not every machine can make.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(path.join(root, 'package.json'));

export const electronVersion = () => JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;

/** Mirrors electron/core/db/native-binding.ts, which picks this file at run time. */
export const electronBindingPath = (version = electronVersion(), platform = process.platform, arch = process.arch) =>
  path.join(root, '.native', `electron-v${version}-${platform}-${arch}`, 'better_sqlite3.node');

/** The Electron executable, downloading it on first use; null (with the reason) where that fails. */
export const findElectron = () => {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  if (probe.status === 0 && probe.stdout && existsSync(probe.stdout)) return { path: probe.stdout };
  const output = `${probe.stdout ?? ''}\n${probe.stderr ?? ''}`;
  const reason = /fetch failed|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|network/i.test(output)
    ? 'its download server cannot be reached from this computer'
    : 'it is not installed and could not be downloaded';
  return { path: null, reason };
};

const nodeGyp = () => {
  const candidates = [
    process.env.npm_config_node_gyp,
    path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  try {
    candidates.push(require.resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // Not installed locally; npm's bundled copy above is the usual one.
  }
  return candidates.find((candidate) => candidate && existsSync(candidate)) ?? null;
};

/**
 * Compiles better-sqlite3 for Electron in a scratch copy, so node_modules keeps the Node build
 * that tests and the CLI use. Returns null on success, or the reason it failed.
 */
export const buildElectronBinding = ({ quiet = false } = {}) => {
  const target = electronBindingPath();
  if (existsSync(target)) return null;
  const gyp = nodeGyp();
  if (gyp === null) return 'node-gyp was not found';
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'regulars-native-'));
  try {
    const source = path.dirname(require.resolve('better-sqlite3/package.json'));
    cpSync(source, scratch, { recursive: true, filter: (file) => !file.includes(`${path.sep}build${path.sep}`) });
    const result = spawnSync(
      process.execPath,
      [gyp, 'rebuild', '--release', `--target=${electronVersion()}`, `--arch=${process.arch}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
      { cwd: scratch, stdio: quiet ? 'ignore' : 'inherit', env: { ...process.env, npm_config_nodedir: '' } },
    );
    const built = path.join(scratch, 'build', 'Release', 'better_sqlite3.node');
    if (result.status !== 0 || !existsSync(built)) return 'the Electron headers could not be downloaded or the build failed';
    mkdirSync(path.dirname(target), { recursive: true });
    copyFileSync(built, target);
    return null;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
};
