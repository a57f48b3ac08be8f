import { withSmallPageCache, type Db } from '../../db/connection';
import { statementsFor } from '../../db/statements';
import { dataVersion, importedSpendInRange, importedSpendOfCustomers, spendByCustomer, spendOfCustomers, takeChangedSpenders } from './queries';

/** Ranges whose spending is kept between reads: the dashboard's usual three (12 and 24 months, this year) and one more. */
const rangesKept = 4;

/**
 * Past this many customers changed since the last look, every visit is walked again instead of a
 * seek for each: on the full book 2,000 seeks take about 25 ms, a tenth of a walk, and a write that
 * touched more (a merge of many, a bulk archive) is rare enough to pay the walk.
 */
const changedBeforeWalking = 2_000;

/** One range's spending: each customer the walk met, in the walk's order, and what they spent. */
interface RangeSpending {
  ids: string[];
  /** What ids[slot] spent, in the first ids.length places. */
  spent: Float64Array;
  /**
   * Each id's slot, made the first time a write on this connection makes the range follow it:
   * a hundred thousand keys cost about as much as the walk's own reading of them, so a range only
   * read pays for none.
   */
  slots: Map<string, number> | null;
}

interface KeptSpending {
  /** `PRAGMA data_version` when the figures were read: another connection's commit makes them unknown. */
  version: number;
  /** Per range (its instants); most recently read last. */
  ranges: Map<string, RangeSpending>;
}

const keptOf = statementsFor((): KeptSpending => ({ version: -1, ranges: new Map() }));

/** `spent` with room for `length` places, grown by doubling. */
const withRoom = (spent: Float64Array, length: number): Float64Array => {
  if (spent.length >= length) return spent;
  const grown = new Float64Array(Math.max(length, spent.length * 2));
  grown.set(spent);
  return grown;
};

/** The page cache a walk reads through (KiB): enough for the index's inner pages, none kept for the leaves it passes once. */
const walkCacheKib = 2_048;

/**
 * Through a small page cache (withSmallPageCache says why): on the full book the walk's SQL alone,
 * first in a process, took 0.67 s through the 64 MB cache (0.21 s once grown); through 2 MB, 0.21 s.
 * Then the range's part of imported histories is added to what the visits summed: a book that
 * brought no past has none, and its walk makes no map of its customers for them.
 */
const walk = (db: Db, from: string, to: string): RangeSpending =>
  withSmallPageCache(db, walkCacheKib, () => {
    const { ids, spent } = spendByCustomer(db, from, to);
    // Copied without a function per amount (the SQL gives 0 for nothing): 100,000 calls took
    // 20-60 ms of a first read in a fresh process, the copy alone under 20.
    const range: RangeSpending = { ids, spent: new Float64Array(spent), slots: null };
    const imported = importedSpendInRange(db, from, to);
    if (imported.length > 0) addImported(range, imported);
    return range;
  });

/** Each id's slot, made once for the range. */
const slotsOf = (range: RangeSpending): Map<string, number> => {
  range.slots ??= new Map(range.ids.map((id, slot) => [id, slot]));
  return range.slots;
};

/** The customer's slot in the range, a new one for a customer the walk did not meet. */
const slotOf = (range: RangeSpending, slots: Map<string, number>, id: string): number => {
  let slot = slots.get(id);
  if (slot === undefined) {
    slot = range.ids.length;
    range.ids.push(id);
    range.spent = withRoom(range.spent, range.ids.length);
    slots.set(id, slot);
  }
  return slot;
};

/** Adds imported histories' part in the range to what each customer's visits summed there. */
const addImported = (range: RangeSpending, imported: readonly [string, number][]): void => {
  const slots = slotsOf(range);
  for (const [id, amount] of imported) {
    const slot = slotOf(range, slots, id);
    range.spent[slot] = (range.spent[slot] ?? 0) + amount;
  }
};

/** The customers a write on this connection touched, read again for every range kept. */
const followChanges = (db: Db, kept: KeptSpending, changed: readonly string[]): void => {
  for (const [key, range] of kept.ranges) {
    const [from = '', to = ''] = key.split('|');
    const rows = spendOfCustomers(db, changed, from, to);
    const slots = slotsOf(range);
    // A customer no longer in the book (deleted) or archived answers no row: they spent nothing here.
    for (const id of changed) range.spent[slotOf(range, slots, id)] = 0;
    for (const [id, amount] of rows) range.spent[slotOf(range, slots, id)] = amount ?? 0;
    addImported(range, importedSpendOfCustomers(db, changed, from, to));
  }
};

/**
 * What each customer still in the book spent in [from, to), imported histories' part included
 * (loyalty/queries.ts importedPartSql), the spenders only (amounts above zero),
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
  const range = kept.ranges.get(key) ?? walk(db, from, to);
  // Most recently read last, so the oldest is the first to go.
  kept.ranges.delete(key);
  kept.ranges.set(key, range);
  if (kept.ranges.size > rangesKept) kept.ranges.delete(kept.ranges.keys().next().value ?? '');
  const { spent } = range;
  const length = range.ids.length;
  let count = 0;
  for (let slot = 0; slot < length; slot += 1) if ((spent[slot] ?? 0) > 0) count += 1;
  const spenders = new Float64Array(count);
  let next = 0;
  for (let slot = 0; slot < length; slot += 1) {
    const amount = spent[slot] ?? 0;
    if (amount > 0) spenders[next++] = amount;
  }
  return spenders;
};
