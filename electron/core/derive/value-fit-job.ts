import { ok, type Result } from '../../../shared/result';
import { openDatabase, type Db } from '../db/connection';
import type { JobContext } from '../jobs';
import { fitAndStoreValueModel, type ValueFitOutcome } from '../value';
import { readBases, sameBasis, writeBases } from './bases';
import { deriveEnvironment } from './environment';
import { derivedFigures, valueFigureName } from './figures';

/**
 * The value model was fitted anew and every customer's predictions written under it (value/fit.ts,
 * as of now): the value figure is recorded as made for the new fit, so the next catch-up does not
 * make them all again. Only when the figure was current but for the fit (the same day, horizon and
 * version): a figure behind for another reason is still rebuilt, with every figure after it.
 */
const valueFigureRemade = (ctx: { db: Db; now: () => Date }): void => {
  const figure = derivedFigures.find((candidate) => candidate.name === valueFigureName);
  if (figure === undefined) return;
  const wanted = figure.basis(deriveEnvironment(ctx.db, ctx.now()));
  const stored = readBases(ctx.db);
  const before = stored[valueFigureName];
  if (typeof before !== 'object' || before === null || typeof wanted !== 'object' || wanted === null) return;
  if (sameBasis({ ...before, fitId: (wanted as { fitId: unknown }).fitId }, wanted)) writeBases(ctx.db, { ...stored, [valueFigureName]: wanted });
};

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
