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
  query(scope: (column: string) => string, wholeBook: boolean): string;
}

/**
 * True for a satisfaction answer (alias `answer`) not given at a visit since archived. For the whole
 * book the archived visits are read once through visits_archived (which holds only them): looking
 * each of 150,000 answers' visit up by id took most of a second. For a few customers, looking
 * their answers' visits up is cheaper than reading every archived visit.
 */
export const answerStands = (answer: string, wholeBook: boolean): string =>
  wholeBook
    ? `(${answer}.visit_id IS NULL OR ${answer}.visit_id NOT IN (SELECT id FROM visits WHERE archived_at IS NOT NULL))`
    : `(${answer}.visit_id IS NULL OR (SELECT v.archived_at FROM visits v WHERE v.id = ${answer}.visit_id) IS NULL)`;
