/**
 * Which customers a derived figure's statement covers: `scope(column)` is a SQL predicate on a
 * customer id column — '1' for the whole book, or the list bound as @ids for an incremental pass.
 * The same statement text serves both, so a figure has one definition.
 */
export type Scope = (column: string) => string;

export const scopeAll: Scope = () => '1';
export const scopeIds: Scope = (column) => `${column} IN (SELECT value FROM json_each(@ids))`;
