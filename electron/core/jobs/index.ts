// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Long jobs: the runner, the job table the worker uses, and what a job sees. */
export type { JobRunner, Reservation } from './runner';
export { JobCancelled } from './types';
export type { JobContext } from './types';
