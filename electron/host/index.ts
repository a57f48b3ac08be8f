import path from 'node:path';
import { describeError } from '../../shared/i18n/describe-error';
import { resolveLanguage } from '../../shared/locale';
import { BookOpenError } from '../core/book';
import { openCore, type Core } from '../core/core';
import { defaultDataDir } from '../core/paths';
import { systemLocalesFromEnv } from '../core/system-locale';
import { shopNetworkFromEnvironment } from './shop-network';
import { clockFromEnvironment } from './test-clock';

/** This file is bundled to dist/host/app.cjs (loaded by dist/host/index.cjs, see launch.ts); the project root is two folders up. */
const projectRoot = path.resolve(__dirname, '..', '..');

/** Browser mode's core on the book in the data folder; a book that cannot be opened is said so, and browser mode ends. */
export const openBrowserCore = (): Core => {
  const systemLocales = systemLocalesFromEnv();
  const dataDir = defaultDataDir();
  try {
    return openCore({
      dataDir,
      transport: 'browser',
      authority: 'counter',
      systemLocales,
      projectRoot,
      now: clockFromEnvironment(),
      dailyJobs: true,
      jobWorkerFile: path.join(projectRoot, 'dist', 'worker', 'jobs.cjs'),
      runsTheApp: true,
      shopNetwork: shopNetworkFromEnvironment(),
    });
  } catch (caught) {
    if (caught instanceof BookOpenError) {
      console.error(`Regulars could not open the customer book in ${dataDir}: ${describeError(caught.error, resolveLanguage(systemLocales))}`);
      process.exit(1);
    }
    throw caught;
  }
};
