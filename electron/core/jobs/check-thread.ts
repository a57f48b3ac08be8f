import { parentPort, workerData } from 'node:worker_threads';
import { adoptParentBinding } from '../db/native-binding';
import { quickCheck } from '../db/quick-check';
import type { AsideRequest } from './worker-protocol';

/**
 * A job's helper thread (bundled apart, to dist/worker/check.cjs): SQLite's quick_check of a file
 * while the job goes on, answering true when the file is sound. Its own small bundle, because the
 * check is what a backup waits for last: loading the whole job worker first cost it a third of a
 * second on an idle machine, and more when the machine is busy.
 */
const request = workerData as AsideRequest;
adoptParentBinding(request.nativeBinding);
parentPort?.postMessage(quickCheck(request.file, request.projectRoot));
