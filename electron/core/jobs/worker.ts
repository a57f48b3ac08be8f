import path from 'node:path';
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { adoptParentBinding } from '../db/native-binding';
import { jobTable } from './table';
import { JobCancelled, type JobContext, type JobFunction } from './types';
import type { AsideRequest, WorkerReply, WorkerRequest } from './worker-protocol';

/**
 * The job worker (bundled to dist/worker/job-worker.cjs, started by dist/worker/jobs.cjs from V8's
 * code cache: worker-entry.ts): runs a job with its own database connection,
 * so the process serving the UI stays responsive, then exits — or, when another job usually
 * follows (`stays`), waits for it as a message (runner.ts). Its first job comes with it. A job's
 * helper thread is the small bundle beside it (check-thread.ts, dist/worker/check.cjs).
 */
const post = (reply: WorkerReply) => parentPort?.postMessage(reply);

/** A counter write takes milliseconds; past this the pass goes on even if the count looks stuck. */
const longestGiveWayMs = 5_000;

const checkAside = (parent: WorkerRequest) => (file: string): Promise<boolean> =>
  new Promise((resolve, reject) => {
    const request: AsideRequest = { file, projectRoot: parent.projectRoot, nativeBinding: parent.nativeBinding };
    const helper = new Worker(path.join(__dirname, 'check.cjs'), { workerData: request });
    helper.once('message', (sound: unknown) => resolve(sound === true));
    helper.once('error', reject);
    helper.once('exit', (code) => code !== 0 && reject(new Error(`the check thread stopped (exit code ${code})`)));
  });

/** Work a job left for after its answer: a failure there is no longer the job's, only worth a line in the log. */
const runAfterwards = (works: readonly (() => void)[]): void => {
  for (const work of works) {
    try {
      work();
    } catch (caught) {
      console.error('[regulars] after a job:', caught);
    }
  }
};

const runJob = (request: WorkerRequest, afterAnswer: (() => void) | null): void => {
  const afterwards: (() => void)[] = [];
  const context: JobContext = {
    report: (phase, done, total) => post({ type: 'progress', phase, done, total }),
    get cancelled() {
      return Atomics.load(request.signals, 0) === 1;
    },
    projectRoot: request.projectRoot,
    giveWay: () => {
      const deadline = Date.now() + longestGiveWayMs;
      for (let waiting = Atomics.load(request.signals, 1); waiting > 0 && Date.now() < deadline; waiting = Atomics.load(request.signals, 1)) {
        Atomics.wait(request.signals, 1, waiting, 50);
      }
    },
    checkAside: checkAside(request),
    afterwards: (work) => afterwards.push(work),
  };
  const run = jobTable[request.kind] as JobFunction<unknown, unknown>;
  run(request.input, context)
    .then(
      (result) => {
        post({ type: 'result', result });
        return true;
      },
      (caught: unknown) => {
        if (caught instanceof JobCancelled) post({ type: 'cancelled' });
        else {
          const error = caught as Error & { code?: unknown };
          post({ type: 'crash', message: String(error?.message ?? caught), code: typeof error?.code === 'string' ? error.code : undefined, stack: error?.stack });
        }
        return false;
      },
    )
    .then((answered) => {
      runAfterwards(afterwards);
      afterAnswer?.();
      // Only after an answer does the runner keep this worker for the next job (runner.ts does the same).
      if (!answered || !request.stays) return;
      parentPort?.once('message', (next: WorkerRequest) => runJob(next, null));
      post({ type: 'idle' });
    });
};

/**
 * Runs the job the worker was started with. `saveCodeCache` (worker-entry.ts) is called once its
 * answer is out, so the functions that job compiled are in the cache for the workers after it.
 */
export const startJobWorker = (saveCodeCache: (() => void) | null): void => {
  const first = workerData as WorkerRequest;
  adoptParentBinding(first.nativeBinding);
  runJob(first, saveCodeCache);
};
