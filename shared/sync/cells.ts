/**
 * How a record travels between devices (issue 19): one cell per field, keyed
 * `<table>/<record key>/<column>`, in one of a fixed number of shared documents chosen from the
 * record alone — so every device files a record in the same document without asking anyone, and a
 * record never moves between documents (a visit moved to another customer by a merge stays where
 * it was first written, naming the customer it was logged for: see `followedColumn`).
 */

/** Shared documents a book's records are spread over: small enough to load one at a time, few enough to list. */
export const bucketCount = 256;

/** The cell that says a record was deleted for good: no later edit made apart brings it back. */
export const deletedColumn = '$deleted';

/**
 * The cell that says a customer was deleted for good by the owner, not merged away (both delete
 * the record). A purge is final: it outranks a merge made apart (what was logged for the customer
 * goes, wherever it was logged and whoever moved it) and an undo of that merge (which would bring
 * the customer back).
 */
export const purgedColumn = '$purged';

/**
 * The cell naming the customer a customer was merged into when a merge deleted their record. Where
 * that survivor was deleted for good on a device that never saw the merge, the merge did not stand:
 * the customer it took is not deleted, and comes back wherever the merge had taken them.
 */
export const mergedIntoColumn = '$mergedInto';

/**
 * The cell holding a deleted record as it was (JSON), when the documents held only some of its
 * fields (a record from before the book was shared): if people's decisions on another device keep
 * it (outlivesDeletion), every device can write it whole again.
 */
export const lastContentColumn = '$last';

/**
 * The cell a device writes when a merge, or its undo, moved a record to another customer: the
 * record's customer cell keeps the customer it was logged for (every device follows the merge
 * itself), and this one changes so that every device writes the record again — one that dropped it
 * (its customer deleted for good there) or set it aside finds where it belongs now.
 */
export const followedColumn = '$followed';

export const cellKey = (table: string, rowKey: string, column: string): string => `${table}/${rowKey}/${column}`;

export interface CellAddress {
  table: string;
  rowKey: string;
  column: string;
}

/** The address of a cell key; null for a key no version of Regulars writes. */
export const parseCellKey = (key: string): CellAddress | null => {
  const first = key.indexOf('/');
  const last = key.lastIndexOf('/');
  if (first <= 0 || last <= first + 1 || last === key.length - 1) return null;
  return { table: key.slice(0, first), rowKey: key.slice(first + 1, last), column: key.slice(last + 1) };
};

/** FNV-1a: stable across devices, versions and platforms (the document a record lives in must never change). */
export const bucketOf = (table: string, rowKey: string): number => {
  let hash = 0x811c9dc5;
  const text = `${table}/${rowKey}`;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % bucketCount;
};

export type CellScalar = string | number | null | boolean;

/** A cell's value and who wrote it: shown when two devices gave one field different values. */
export interface CellValue {
  value: CellScalar;
  device: string;
  at: string;
  /** The staff member at the counter when it was written; null where none was chosen, or the cell is older than the staff it names. */
  staff: string | null;
}

export const encodeCell = (cell: CellValue): string => JSON.stringify([cell.value, cell.device, cell.at, cell.staff]);

/** The cell in a stored string; null when it is not one (a damaged or foreign document). Cells written before staff were recorded have three elements. */
export const decodeCell = (text: string): CellValue | null => {
  try {
    const parsed: unknown = JSON.parse(text);
    if (!Array.isArray(parsed) || (parsed.length !== 3 && parsed.length !== 4)) return null;
    const [value, device, at, staff = null] = parsed as unknown[];
    const scalar = value === null || ['string', 'number', 'boolean'].includes(typeof value);
    if (!scalar || typeof device !== 'string' || typeof at !== 'string' || (staff !== null && typeof staff !== 'string')) return null;
    return { value: value as CellScalar, device, at, staff };
  } catch {
    return null;
  }
};
