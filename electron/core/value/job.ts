import { ok, type Result } from '../../../shared/result';
import { openDatabase } from '../db/connection';
import type { JobContext } from '../jobs';
import { valueFigureRemade } from '../derive';
import { fitAndStoreValueModel, type ValueFitOutcome } from './fit';

export interface ValueFitInput {
  bookFile: string;
  /** The core's clock, so the worker's "today" is the app's. */
  now: string;
}

/**
 * The daily fit of the value models, in the job worker with its own connection. The fit writes
 * every customer's predictions under the new model: the value figure is recorded as made for it,
 * so the next catch-up does not predict every customer a second time.
 */
export const fitValueJob = async (input: ValueFitInput, job: JobContext): Promise<Result<ValueFitOutcome>> => {
  job.report('fit', 0, 1);
  const db = openDatabase(input.bookFile, { projectRoot: job.projectRoot, busyTimeoutMs: 10_000 });
  try {
    const now = new Date(input.now);
    const outcome = fitAndStoreValueModel(db, now, undefined, () => valueFigureRemade({ db, now: () => now }));
    job.report('fit', 1, 1);
    return ok(outcome);
  } finally {
    db.close();
  }
};
