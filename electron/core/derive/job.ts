import { ok, type Result } from '../../../shared/result';
import { openDatabase } from '../db/connection';
import type { JobContext } from '../jobs';
import { countCustomersInBook } from './customers-queries';
import { afterRulesChanged, rebuildDerived } from './index';

export interface RecomputeInput {
  bookFile: string;
  /** The core's clock when asked, so the pass works for the same shop day as the caller. */
  now: string;
  /** 'full': every figure anew (loyalty-recompute); 'rules': from the first figure whose rules changed. */
  pass: 'full' | 'rules';
}

/**
 * The derived pass as a long job: in the worker (its own connection) in the app, inline in the
 * CLI and tests. Progress is reported figure by figure; the pass is one transaction, so other
 * writes wait for it (the runner answers them "busy") while searches and reads go on.
 */
export const recomputeDerived = async (input: RecomputeInput, job: JobContext): Promise<Result<{ customers: number }>> => {
  const db = openDatabase(input.bookFile, { projectRoot: job.projectRoot });
  try {
    const ctx = { db, now: () => new Date(input.now) };
    const progress = (done: number, total: number, figure: string) => job.report(figure, done, total);
    if (input.pass === 'rules') {
      afterRulesChanged(ctx, progress);
      return ok({ customers: countCustomersInBook(db) });
    }
    return ok(rebuildDerived(ctx, { progress }));
  } finally {
    db.close();
  }
};
