import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { describeError } from '../../shared/i18n/describe-error';
import { resolveLanguage } from '../../shared/locale';
import { BookOpenError } from '../core/book';
import { openCore } from '../core/core';
import { defaultDataDir } from '../core/paths';
import { systemLocalesFromEnv } from '../core/system-locale';
import { startHost } from './server';
import { clockFromEnvironment } from './test-clock';

/** This file is bundled to dist/host/app.cjs (run by dist/host/index.cjs, see launch.ts); the project root is two folders up. */
const projectRoot = path.resolve(__dirname, '..', '..');

const main = async (): Promise<void> => {
  const systemLocales = systemLocalesFromEnv();
  const dataDir = defaultDataDir();
  let core;
  try {
    core = openCore({
      dataDir,
      transport: 'browser',
      authority: 'counter',
      systemLocales,
      projectRoot,
      now: clockFromEnvironment(),
      dailyJobs: true,
      jobWorkerFile: path.join(projectRoot, 'dist', 'worker', 'jobs.cjs'),
      runsTheApp: true,
    });
  } catch (caught) {
    if (caught instanceof BookOpenError) {
      console.error(`Regulars could not open the customer book in ${dataDir}: ${describeError(caught.error, resolveLanguage(systemLocales))}`);
      process.exit(1);
    }
    throw caught;
  }
  const host = await startHost({
    core,
    staticDir: path.join(projectRoot, 'dist', 'renderer'),
    token: randomBytes(24).toString('base64url'),
    port: Number(process.env.REGULARS_PORT ?? 0),
  });
  console.log(`Regulars is running at ${host.url}`);

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    // The end-of-day automatic backup (if the book changed) runs before the book closes.
    void host
      .close()
      .then(() => core.backUpBeforeQuit())
      .finally(() => {
        core.close();
        process.exit(0);
      });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
};

void main();
