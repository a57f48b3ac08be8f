import path from 'node:path';
import { openCore, type Core } from '../../electron/core/core';

/**
 * The core as browser mode opens it (electron/host/index.ts): long jobs such as a backup or an
 * import run in the bundled worker (`npm run bench` builds it first), as they do for the UI.
 */
export const openAppCore = (dataDir: string): Core => {
  const projectRoot = process.cwd();
  return openCore({
    dataDir,
    transport: 'browser',
    authority: 'owner',
    systemLocales: ['zh-TW'],
    projectRoot,
    jobWorkerFile: path.join(projectRoot, 'dist', 'worker', 'jobs.cjs'),
  });
};
