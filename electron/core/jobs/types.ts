import type { JobKind } from '../../../shared/contract/jobs';
import type { Result } from '../../../shared/result';
import type { JobInput, JobOutput, Jobs } from '../context';

/** Held by a compound task (a restore: safety backup, then swap) so nothing else starts in between. */
export interface Reservation {
  release(): void;
}

/**
 * The runner as the services that start jobs themselves (backups, restores) see it: they may hold
 * the runner for a compound task. Declared here so they need no runner code (runner.ts fits it).
 */
export interface JobStarter extends Jobs {
  /** True while a job runs or a compound task holds the runner. */
  readonly busy: boolean;
  /** Holds the runner once background jobs have ended; null when someone else's job holds it. */
  reserve(): Promise<Reservation | null>;
  run<K extends JobKind>(kind: K, input: JobInput<K>, options: JobRunOptions): Promise<Result<JobOutput<K>>>;
}

export interface JobRunOptions {
  cancellable: boolean;
  /** Takes the book's write lock: other writes are answered BOOK_BUSY until it ends. */
  writes?: boolean;
  /** The compound task this job belongs to (a restore's safety backup). */
  reservation?: Reservation;
  /** Started by the app itself: refused when the runner is taken, and waited for by jobs people start. */
  background?: boolean;
  /**
   * The owner usually starts another job right after this one (an import's analysis, then its
   * preview or commit): this job's worker, once it has answered, waits for that one, so its start
   * does not add to the wait, and what the job read (the import's file) is still in its memory.
   */
  anotherFollows?: boolean;
}

/** What a job sees of the world: where to report progress, whether it was asked to stop. */
export interface JobContext {
  report(phase: string, done: number, total: number): void;
  /** True once the owner cancelled; a job checks it between chunks and stops cleanly. */
  readonly cancelled: boolean;
  /** Where the app lives, to find the SQLite module (Electron or Node flavour). */
  readonly projectRoot: string | undefined;
  /**
   * Between two short transactions: waits while the counter has writes waiting for the book, so a
   * pass in steps cannot starve them (SQLite's busy wait polls; the next step would always win).
   */
  giveWay(): void;
  /**
   * Work left for after the job's answer has gone (housekeeping the owner need not wait for, such as
   * folding a large write-ahead log into the book file). Runs however the job ended; inline, at once
   * after it.
   */
  afterwards(work: () => void): void;
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
