import type { Db } from './connection';

/**
 * SQLite folds its write-ahead log into the book inside the commit that takes the log past its
 * limit: with the default limit (1,000 pages) a visit logged at the counter of the full book paid
 * a 15–25 ms stall about every thirtieth time. The live connection's limit is raised to a cap
 * that only a long run of writes without a pause reaches, and the log is folded in once the
 * counter has been quiet for a moment instead — a passive checkpoint, which waits for no reader
 * or writer (the job worker's and the serving thread's connections go on).
 */
export const quietCheckpointCapPages = 4_000;
const quietMs = 250;

export interface QuietCheckpoints {
  /** A write was committed: the log is folded in once nothing has been written for a moment. */
  afterWrite(): void;
  stop(): void;
}

export const limitLogForQuietCheckpoints = (db: Db): void => {
  db.pragma(`wal_autocheckpoint = ${quietCheckpointCapPages}`);
};

export const quietCheckpoints = (book: () => Db): QuietCheckpoints => {
  let timer: NodeJS.Timeout | null = null;
  const fold = () => {
    timer = null;
    const db = book();
    // A transaction open on this connection (never between calls) would refuse it: the next quiet moment folds it.
    if (!db.open || db.inTransaction) return;
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // Busy or read-only: a checkpoint is housekeeping, and the next quiet moment tries again.
    }
  };
  return {
    afterWrite() {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(fold, quietMs);
      timer.unref();
    },
    stop() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
};
