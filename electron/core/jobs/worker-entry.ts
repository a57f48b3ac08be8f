import { createRequire } from 'node:module';
import path from 'node:path';
import { loadBundle } from '../../runtime/code-cache';
import type { startJobWorker } from './worker';

/**
 * A job worker's first file (dist/worker/jobs.cjs): starts the worker's bundle
 * (dist/worker/job-worker.cjs) from V8's code cache, which takes about a third of the time
 * compiling it does — a tenth of a second off every job (an import, an export, a backup, the day's
 * pass). In Electron the bundle is required as it is: it lives in the app's read-only archive,
 * where no cache can be written beside it.
 */
const bundle = path.join(__dirname, 'job-worker.cjs');

type JobWorker = { startJobWorker: typeof startJobWorker };

if (process.versions.electron === undefined) {
  const loaded = loadBundle(bundle, module);
  (loaded.exports as JobWorker).startJobWorker(loaded.saveCache);
} else {
  (createRequire(__filename)(bundle) as JobWorker).startJobWorker(null);
}
