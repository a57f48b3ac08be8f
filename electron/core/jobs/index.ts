// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Long jobs: what a job sees, and the runner as services that start jobs see it. */
export type { JobRunner } from './runner';
export { JobCancelled } from './types';
export type { JobContext, JobStarter, Reservation } from './types';
