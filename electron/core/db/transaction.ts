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

/**
 * `work` in the caller's transaction when there is one, else in an IMMEDIATE one of its own —
 * never nested as a savepoint. SQLite journals every page a savepoint changes a second time (in
 * memory here, temp_store=MEMORY) and closes a statement savepoint for each statement inside it;
 * around a rebuild of the whole book in the seed's one transaction that cost more than everything
 * else: seeding a million customers and ten million visits had not finished after 1 h 44 min in
 * one run, nor after 33 min in another (then 96% of its time in SQLite's savepoint release, perf);
 * without these savepoints it took 15 min. A failure rolls back the caller's whole transaction
 * instead of only this part: no caller goes on after one.
 */
export const joinTransaction = <T>(db: Db, work: () => T): T => (db.inTransaction ? work() : db.transaction(work).immediate());
