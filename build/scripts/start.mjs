// `npm start`: build what is out of date, then run the desktop app. Where Electron cannot start
// here, say so in one line and run browser mode (the same core and screens on 127.0.0.1) instead.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildElectronBinding, findElectron, root } from './electron-runtime.mjs';

const build = spawnSync(process.execPath, [path.join(root, 'build', 'scripts', 'build.mjs'), '--quiet'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const browserMode = (why) => {
  console.log(`Regulars: the desktop window cannot start here (${why}), so it runs in browser mode instead.`);
  const host = spawn(process.execPath, [path.join(root, 'dist', 'host', 'index.cjs')], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
  host.on('exit', (code) => process.exit(code ?? 0));
};

if (process.env.REGULARS_BROWSER_MODE === '1') {
  browserMode('REGULARS_BROWSER_MODE=1 asks for it');
} else {
  const electron = findElectron();
  if (electron.path === null) {
    browserMode(`the Electron runtime is missing: ${electron.reason}`);
  } else {
    const failure = buildElectronBinding();
    if (failure !== null) {
      browserMode(`the SQLite module for Electron could not be built: ${failure}`);
    } else {
      const started = Date.now();
      const app = spawn(electron.path, [root], { stdio: ['inherit', 'inherit', 'pipe'] });
      let errors = '';
      app.stderr.on('data', (chunk) => {
        errors += chunk;
        process.stderr.write(chunk);
      });
      app.on('exit', (code) => {
        // A window that dies within seconds never started (no display, missing libraries).
        if (code !== 0 && Date.now() - started < 10_000) {
          const line = errors.split('\n').find((text) => text.trim() !== '') ?? `exit code ${code}`;
          browserMode(`Electron stopped at start: ${line.trim().slice(0, 160)}`);
        } else {
          process.exit(code ?? 0);
        }
      });
    }
  }
}
