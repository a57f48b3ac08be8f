import type { Db } from '../../db/connection';
import { statementsFor } from '../../db/statements';
import { dataVersion, spendByCustomer, spendOfCustomers, takeChangedSpenders } from './queries';

/** Ranges whose spending is kept between reads: the dashboard's usual three (12 and 24 months, this year) and one more. */
const rangesKept = 4;

/**
 * Past this many customers changed since the last look, every visit is walked again instead of a
 * seek for each: on the full book 2,000 seeks take about 25 ms, a tenth of a walk, and a write that
 * touched more (a merge of many, a bulk archive) is rare enough to pay the walk.
 */
const changedBeforeWalking = 2_000;

interface KeptSpending {
  /** `PRAGMA data_version` when the figures were read: another connection's commit makes them unknown. */
  version: number;
  /** Each customer's place in the ranges' arrays, given the first time the customer is seen. */
  slots: Map<string, number>;
  /** Per range (its instants), what each customer spent in it, by slot; most recently read last. */
  ranges: Map<string, Float64Array>;
}

const keptOf = statementsFor((): KeptSpending => ({ version: -1, slots: new Map(), ranges: new Map() }));

const slotOf = (kept: KeptSpending, id: string): number => {
  let slot = kept.slots.get(id);
  if (slot === undefined) {
    slot = kept.slots.size;
    kept.slots.set(id, slot);
  }
  return slot;
};

/** A range's array with room for slot `slot` (and every slot given so far), grown by doubling. */
const withRoom = (kept: KeptSpending, spent: Float64Array, slot = kept.slots.size - 1): Float64Array => {
  if (spent.length > slot) return spent;
  const grown = new Float64Array(Math.max(kept.slots.size, slot + 1, spent.length * 2));
  grown.set(spent);
  return grown;
};

/** Row by row: a hundred thousand rows held at once would grow the heap by tens of megabytes for a moment that lasts. */
const walk = (db: Db, kept: KeptSpending, from: string, to: string): Float64Array => {
  let spent: Float64Array = new Float64Array(Math.max(kept.slots.size, 1024));
  for (const [id, amount] of spendByCustomer(db, from, to)) {
    const slot = slotOf(kept, id);
    spent = withRoom(kept, spent, slot);
    spent[slot] = amount ?? 0;
  }
  return spent;
};

/** The customers a write on this connection touched, read again for every range kept. */
const followChanges = (db: Db, kept: KeptSpending, changed: readonly string[]): void => {
  for (const [key, before] of kept.ranges) {
    const [from = '', to = ''] = key.split('|');
    const rows = spendOfCustomers(db, changed, from, to);
    for (const id of changed) slotOf(kept, id);
    const spent = withRoom(kept, before);
    // A customer no longer in the book (deleted) or archived answers no row: they spent nothing here.
    for (const id of changed) spent[slotOf(kept, id)] = 0;
    for (const [id, amount] of rows) spent[slotOf(kept, id)] = amount ?? 0;
    kept.ranges.set(key, spent);
  }
};

/**
 * What each customer still in the book spent in [from, to), the spenders only (amounts above zero),
 * in no particular order, in an array of their own. The first read of a range walks every visit (a few hundred milliseconds on
 * a book of a million); later reads on the same connection find it kept, with the customers a write
 * here touched since read again (temp triggers record them, queries.ts), and everything read anew
 * when another connection (the jobs worker: imports, restores, the derived pass) has committed.
 */
export const spendersInRange = (db: Db, from: string, to: string): Float64Array => {
  const kept = keptOf(db);
  const changed = takeChangedSpenders(db);
  const version = dataVersion(db);
  if (version !== kept.version || changed.length > changedBeforeWalking) {
    kept.version = version;
    kept.ranges.clear();
  } else if (changed.length > 0) {
    followChanges(db, kept, changed);
  }
  const key = `${from}|${to}`;
  const spent = kept.ranges.get(key) ?? walk(db, kept, from, to);
  // Most recently read last, so the oldest is the first to go.
  kept.ranges.delete(key);
  kept.ranges.set(key, spent);
  if (kept.ranges.size > rangesKept) kept.ranges.delete(kept.ranges.keys().next().value ?? '');
  let count = 0;
  for (const amount of spent) if (amount > 0) count += 1;
  const spenders = new Float64Array(count);
  let next = 0;
  for (const amount of spent) if (amount > 0) spenders[next++] = amount;
  return spenders;
};
