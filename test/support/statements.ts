import type { Db } from '../../electron/core/db/connection';

/**
 * The SQL of every statement `work` runs on this connection through `method` (`all` for reads that
 * return rows, `run` for writes), in order, as prepared.
 */
export const statementsRunBy = (db: Db, method: 'all' | 'run', work: () => void): string[] => {
  const ran: string[] = [];
  const statement = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<'all' | 'run', (...args: unknown[]) => unknown>;
  const original = statement[method];
  statement[method] = function (this: { source: string }, ...args: unknown[]) {
    ran.push(this.source);
    return original.apply(this, args);
  };
  try {
    work();
  } finally {
    statement[method] = original;
  }
  return ran;
};
