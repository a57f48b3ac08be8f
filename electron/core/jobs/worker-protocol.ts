import type { JobKind } from '../../../shared/contract/jobs';
import type { Result } from '../../../shared/result';

/** What the core sends a job worker (as workerData). */
export interface WorkerRequest {
  kind: JobKind;
  input: unknown;
  /**
   * Shared with the core: [0] is set to 1 when the owner cancels; [1] counts the counter's writes
   * waiting for the book, which a job made in steps lets go first (JobContext.giveWay).
   */
  signals: Int32Array;
  projectRoot: string | undefined;
  /** The SQLite binding the core loaded, for the worker to load too. */
  nativeBinding: string | undefined;
}

/**
 * What a job worker starts with (as workerData): its job, or — for a worker started ahead of a job
 * the owner is about to start — the SQLite binding to load, the job following as a message.
 */
export type WorkerStart = WorkerRequest | { ahead: true; nativeBinding: string | undefined };

/** What a job sends the helper thread it starts to check a book file while it writes the backup (as workerData). */
export interface AsideRequest {
  file: string;
  projectRoot: string | undefined;
  nativeBinding: string | undefined;
}

/** What a job worker posts back: progress while it works, then exactly one of the other three. */
export type WorkerReply =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'result'; result: Result<unknown> }
  | { type: 'cancelled' }
  | { type: 'crash'; message: string; code: string | undefined; stack: string | undefined };
