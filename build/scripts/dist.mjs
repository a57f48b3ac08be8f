// `npm run dist`: installers for this computer's platform (AppImage + .deb, NSIS, or dmg). Needs the
// Electron runtime (electron-builder packages it) and the Electron build of better-sqlite3; where
// they cannot be had it fails with one sentence, never a stack trace.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildElectronBinding, electronBindingPath, findElectron, root } from './electron-runtime.mjs';

const fail = (sentence) => {
  console.error(`Regulars cannot build installers here: ${sentence}`);
  process.exit(1);
};

const build = spawnSync(process.execPath, [path.join(root, 'build', 'scripts', 'build.mjs'), '--force', '--quiet'], { stdio: 'inherit' });
if (build.status !== 0) fail('the app itself did not build (see the messages above).');

const electron = findElectron();
if (electron.path === null) fail(`the Electron runtime is missing because ${electron.reason}.`);

const bindingFailure = buildElectronBinding({ quiet: true });
if (bindingFailure !== null) fail(`the SQLite module for Electron could not be built (${bindingFailure}).`);
const packaged = path.join(root, '.native', 'package', 'better_sqlite3.node');
mkdirSync(path.dirname(packaged), { recursive: true });
copyFileSync(electronBindingPath(), packaged);

try {
  const { build: electronBuilder } = await import('electron-builder');
  const config = JSON.parse(readFileSync(path.join(root, 'build', 'electron-builder.json'), 'utf8'));
  // Package the runtime already on this machine (the electron package's dist folder) rather than downloading it again.
  config.electronDist = path.join(root, 'node_modules', 'electron', 'dist');
  const outputs = await electronBuilder({ projectDir: root, config });
  console.log(`Installers written:\n  ${outputs.join('\n  ')}`);
} catch (caught) {
  fail(`electron-builder stopped: ${String(caught?.message ?? caught).split('\n')[0]}`);
}
