import { isMissed, outcomeWhenMet } from '../../../shared/complaints/promises';
import type { HandlerContext } from '../context';
import type { Db } from '../db/connection';
import { runningPromiseRows, settleBrokenPromiseRow, settlePromiseRow, type DbPromiseRow } from './queries';

/**
 * Records every promise whose deadline passed unmet as broken at the deadline itself, so the record
 * is the same whether the app noticed at once or days later. Run at start, on each new day, and
 * before any complaint is read or written.
 */
export const settleMissedPromises = (db: Db, now: Date): number => {
  const missed = runningPromiseRows(db).filter((promise) => isMissed(promise.due_at, now.toISOString()));
  for (const promise of missed) settleBrokenPromiseRow(db, promise.id);
  return missed.length;
};

/** For reads: settles unless a long job holds the book's write lock (the next read will). */
export const settleBeforeReading = (ctx: Pick<HandlerContext, 'db' | 'now' | 'data'>): void => {
  if (!ctx.data.jobs.writing) settleMissedPromises(ctx.db, ctx.now());
};

/** The promise was met at `at`: kept or broken by the deadline; one already settled stays as it was. */
export const meetPromise = (db: Db, promise: DbPromiseRow, at: string): void => {
  if (promise.outcome === null) settlePromiseRow(db, promise.id, outcomeWhenMet(promise.due_at, at), at);
};
