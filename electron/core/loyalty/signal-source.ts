/** What every signal query may read: the shop-local day, now, and the start of the trailing year. */
export interface SignalParameters {
  today: string;
  now: string;
  since: string;
}

/**
 * Where one loyalty signal's points come from: a set-based query answering rows of
 * `customer_id TEXT, points INTEGER, facts TEXT (a JSON object)` for the customers `scope` admits.
 * `scope(column)` is a SQL predicate on a customer id column: '1' for the whole book, or a list
 * bound as @ids for the incremental pass; it may use @today, @now and @since. Rows with 0 points
 * are left out. The signal's name must match a `LoyaltySignalKind` in shared/loyalty/signals.ts.
 */
export interface LoyaltySignalSource {
  name: string;
  query(scope: (column: string) => string): string;
}
