import type { Result } from '../../../shared/result';
import type { Db } from './connection';

class RollbackWith {
  constructor(readonly result: Result<never>) {}
}

/**
 * Runs `work` in one transaction. A returned error value rolls everything back and is returned as
 * is, so handlers keep errors as values and still never leave a partial write.
 */
export const inTransaction = <T>(db: Db, work: () => Result<T>): Result<T> => {
  try {
    return db.transaction(() => {
      const result = work();
      if (!result.ok) throw new RollbackWith(result);
      return result;
    }).immediate();
  } catch (caught) {
    if (caught instanceof RollbackWith) return caught.result;
    throw caught;
  }
};
