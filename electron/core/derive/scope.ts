/**
 * Which customers a derived figure's statement covers: `scope(column)` is a SQL predicate on a
 * customer id column — '1' for the whole book, the list bound as @ids for an incremental pass, or
 * the range of ids bound as @first and @last for a chunk of the pass in steps. The same statement
 * text serves all three, so a figure has one definition.
 */
export type Scope = (column: string) => string;

export const scopeAll: Scope = () => '1';
export const scopeIds: Scope = (column) => `${column} IN (SELECT value FROM json_each(@ids))`;

/** A range is read from the indexes in one sweep, where a list seeks each id: a chunk's statements take a fifth to a third less. */
export const scopeRange: Scope = (column) => `${column} BETWEEN @first AND @last`;

/**
 * A chunk of the pass in steps as the range of ids its customers span. Every customer is in some
 * chunk, so the range holds no one else but a customer added since the pass was planned, whose
 * figures the chunk then makes from the facts as they are, as it does for the others.
 */
export interface CustomerChunk {
  first: string;
  last: string;
}
