import { DateTime } from 'luxon';
import type { ComplaintCategory, ComplaintMonth, ComplaintStats, CompensationStats } from '../../../shared/contract/complaints';
import { keptPercent } from '../../../shared/complaints/promises';
import { localDayFinder } from '../../../shared/reminders/days';
import { localDay, startOfLocalDay } from '../../../shared/time';
import type { Db } from '../db/connection';
import { compensationRows, repeatComplainerRows, settledPromiseRows, statsComplaintRows } from './stats-queries';

/** The shop-local months of the period, oldest first, and the instant the first one starts. */
const periodOf = (now: Date, zone: string, months: number): { keys: string[]; since: string } => {
  const first = DateTime.fromISO(localDay(now, zone)).startOf('month').minus({ months: months - 1 });
  const keys = Array.from({ length: months }, (_, index) => first.plus({ months: index }).toFormat('yyyy-MM'));
  return { keys, since: startOfLocalDay(first.toISODate() ?? '', zone) };
};

export const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? null) : Math.round(((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2);
};

const minutesBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 60_000);

/**
 * Complaints per shop-local month: how many were logged, how many promises settled that month
 * (met, or broken at their deadline) were kept, and the median minutes to the first reply and to the resolution of the month's
 * complaints. Settled promises only: one still running has not been kept or broken yet.
 */
export const complaintStats = (db: Db, now: Date, zone: string, months: number): ComplaintStats => {
  const { keys, since } = periodOf(now, zone, months);
  const monthOf = localDayFinder(zone);
  const buckets = new Map(keys.map((key) => [key, { logged: 0, settled: 0, kept: 0, reply: [] as number[], resolve: [] as number[] }]));
  const categories = new Map<ComplaintCategory, number>();
  const allReply: number[] = [];
  const allResolve: number[] = [];
  let logged = 0;
  for (const row of statsComplaintRows(db, since)) {
    const bucket = buckets.get(monthOf(row.received_at).slice(0, 7));
    if (bucket === undefined) continue;
    logged += 1;
    bucket.logged += 1;
    categories.set(row.category as ComplaintCategory, (categories.get(row.category as ComplaintCategory) ?? 0) + 1);
    if (row.replied_at !== null) bucket.reply.push(minutesBetween(row.received_at, row.replied_at));
    if (row.resolved_at !== null) bucket.resolve.push(minutesBetween(row.received_at, row.resolved_at));
  }
  let settled = 0;
  let kept = 0;
  for (const row of settledPromiseRows(db, since)) {
    const bucket = buckets.get(monthOf(row.settled_at).slice(0, 7));
    if (bucket === undefined) continue;
    bucket.settled += 1;
    settled += 1;
    if (row.outcome === 'kept') {
      bucket.kept += 1;
      kept += 1;
    }
  }
  const monthsOut: ComplaintMonth[] = keys.map((month) => {
    const bucket = buckets.get(month)!;
    allReply.push(...bucket.reply);
    allResolve.push(...bucket.resolve);
    return {
      month,
      logged: bucket.logged,
      promisesSettled: bucket.settled,
      promisesKept: bucket.kept,
      keptPercent: keptPercent(bucket.kept, bucket.settled),
      medianReplyMinutes: median(bucket.reply),
      medianResolveMinutes: median(bucket.resolve),
    };
  });
  return {
    months: monthsOut,
    total: { logged, keptPercent: keptPercent(kept, settled), medianReplyMinutes: median(allReply), medianResolveMinutes: median(allResolve) },
    repeatComplainers: repeatComplainerRows(db, since).map((row) => ({ customerId: row.customer_id, name: row.name, complaints: row.complaints })),
    byCategory: [...categories].map(([category, count]) => ({ category, count })).sort((a, b) => b.count - a.count),
  };
};

/** Owner only: compensation given, by the shop-local month of the resolution. */
export const compensationStats = (db: Db, now: Date, zone: string, months: number): CompensationStats => {
  const { keys, since } = periodOf(now, zone, months);
  const monthOf = localDayFinder(zone);
  const buckets = new Map(keys.map((key) => [key, { paidMinor: 0, complaints: 0 }]));
  for (const row of compensationRows(db, since)) {
    const bucket = buckets.get(monthOf(row.resolved_at).slice(0, 7));
    if (bucket === undefined) continue;
    bucket.paidMinor += row.compensation_minor;
    bucket.complaints += 1;
  }
  const monthsOut = keys.map((month) => ({ month, ...buckets.get(month)! }));
  return { months: monthsOut, paidMinor: monthsOut.reduce((sum, month) => sum + month.paidMinor, 0) };
};
