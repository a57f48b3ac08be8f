import { ok, type Result } from '../../../shared/result';
import { openDatabase } from '../db/connection';
import type { JobContext } from '../jobs';
import { fitAndStoreValueModel, type ValueFitOutcome } from './fit';

export interface ValueFitInput {
  bookFile: string;
  /** The core's clock, so the worker's "today" is the app's. */
  now: string;
}

/** The daily fit of the value models, in the job worker with its own connection. */
export const fitValueJob = async (input: ValueFitInput, job: JobContext): Promise<Result<ValueFitOutcome>> => {
  job.report('fit', 0, 1);
  const db = openDatabase(input.bookFile, { projectRoot: job.projectRoot, busyTimeoutMs: 10_000 });
  try {
    const outcome = fitAndStoreValueModel(db, new Date(input.now));
    job.report('fit', 1, 1);
    return ok(outcome);
  } finally {
    db.close();
  }
};
