import { parentPort, workerData } from 'node:worker_threads';
import { jobTable } from './table';
import { JobCancelled, type JobContext, type JobFunction } from './types';
import type { WorkerReply, WorkerRequest } from './worker-protocol';

/**
 * The job worker (bundled to dist/worker/jobs.cjs): runs one job with its own database
 * connection, so the process serving the UI stays responsive, then exits.
 */
const request = workerData as WorkerRequest;
const post = (reply: WorkerReply) => parentPort?.postMessage(reply);

const context: JobContext = {
  report: (phase, done, total) => post({ type: 'progress', phase, done, total }),
  get cancelled() {
    return Atomics.load(request.cancelFlag, 0) === 1;
  },
  projectRoot: request.projectRoot,
};

const run = jobTable[request.kind] as JobFunction<unknown, unknown>;
run(request.input, context).then(
  (result) => post({ type: 'result', result }),
  (caught: unknown) => {
    if (caught instanceof JobCancelled) return post({ type: 'cancelled' });
    const error = caught as Error & { code?: unknown };
    post({ type: 'crash', message: String(error?.message ?? caught), code: typeof error?.code === 'string' ? error.code : undefined, stack: error?.stack });
  },
);
