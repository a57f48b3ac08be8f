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
  /**
   * Another job usually follows (JobRunOptions.anotherFollows): once this one has answered and its
   * work afterwards is done, the worker says it is idle and waits for the next request as a message.
   */
  stays: boolean;
}

/** What a job sends the helper thread it starts to check a book file while it writes the backup (as workerData). */
export interface AsideRequest {
  file: string;
  projectRoot: string | undefined;
  nativeBinding: string | undefined;
}

/**
 * What a job worker posts back: progress while it works, then exactly one of result, cancelled or
 * crash; after a result, a worker that stays posts idle once its work afterwards is done.
 */
export type WorkerReply =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'result'; result: Result<unknown> }
  | { type: 'cancelled' }
  | { type: 'crash'; message: string; code: string | undefined; stack: string | undefined }
  | { type: 'idle' };
