import { ok, type Result } from '../../../shared/result';
import { openDatabase } from '../db/connection';
import type { JobContext } from '../jobs';
import { countCustomersInBook } from './customers-queries';
import { passInSteps } from './steps';

export interface RecomputeInput {
  bookFile: string;
  /** The core's clock when asked, so the pass works for the same shop day as the caller. */
  now: string;
  /** 'full': every figure anew (loyalty-recompute); 'rules': from the first figure whose rules changed. */
  pass: 'full' | 'rules';
}

/**
 * A write at the counter waits for the step in progress (SQLite's lock); the pass waits for the
 * counter's writes, which are short — but give it room for a slow disk.
 */
const waitForCounterMs = 10_000;

/**
 * The derived pass as a long job: in the worker (its own connection) in the app, inline in the
 * CLI and tests. It runs as short steps, each its own transaction (steps.ts), so the counter keeps
 * logging visits and answering searches through a pass over the whole book; progress is reported
 * step by step.
 */
export const recomputeDerived = async (input: RecomputeInput, job: JobContext): Promise<Result<{ customers: number }>> => {
  const db = openDatabase(input.bookFile, { projectRoot: job.projectRoot, busyTimeoutMs: waitForCounterMs });
  try {
    const steps = passInSteps({ db, now: () => new Date(input.now) }, input.pass === 'full' ? 'full' : 'catch-up');
    steps.forEach((step, index) => {
      job.report(step.phase, index, steps.length);
      db.transaction(step.run).immediate();
      job.giveWay();
    });
    job.report('done', steps.length, steps.length);
    return ok({ customers: countCustomersInBook(db) });
  } finally {
    db.close();
  }
};
