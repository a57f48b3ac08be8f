import type { Result } from '../../../shared/result';

/** What a job sees of the world: where to report progress, whether it was asked to stop. */
export interface JobContext {
  report(phase: string, done: number, total: number): void;
  /** True once the owner cancelled; a job checks it between chunks and stops cleanly. */
  readonly cancelled: boolean;
  /** Where the app lives, to find the SQLite module (Electron or Node flavour). */
  readonly projectRoot: string | undefined;
  /** In a worker: runs SQLite's quick_check of a file on another thread (true when sound); inline there is none. */
  readonly checkAside?: (file: string) => Promise<boolean>;
}

/**
 * A long task. Inputs and outputs are plain data: the same function runs inline (CLI, tests) or in
 * a worker thread with its own database connection (the desktop app and browser mode).
 */
export type JobFunction<I, O> = (input: I, job: JobContext) => Promise<Result<O>>;

/** Thrown by a job that noticed `cancelled`; the runner answers it as a cancellation, not a failure. */
export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}
