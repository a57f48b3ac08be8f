import { bucketOf, cellKey, decodeCell, parseCellKey, purgedColumn, type CellValue } from '../../../shared/sync/cells';
import type { AutomergeApi } from './automerge';
import type { Doc, Documents } from './documents';

/** Every value a cell holds: one, or several given while apart (the shown one first). */
export const cellValues = (automerge: AutomergeApi, doc: Doc, key: string): CellValue[] => {
  const winner = doc[key];
  if (winner === undefined) return [];
  const shown = decodeCell(String(winner));
  const all = Object.values(automerge.getConflicts(doc, key) ?? {})
    .map((value) => decodeCell(String(value)))
    .filter((cell): cell is CellValue => cell !== null);
  const others = all.filter((cell) => shown === null || cell.value !== shown.value);
  return shown === null ? others : [shown, ...others];
};

/** The device and staff member that deleted this customer for good (the first of them, if several did). */
export const purgeOf = (automerge: AutomergeApi, documents: Documents, customerId: string): CellValue | undefined =>
  cellValues(automerge, documents.get(bucketOf('customers', customerId)), cellKey('customers', customerId, purgedColumn)).find((cell) => cell.value === true);

/** Every customer some device deleted for good, as the documents this device holds say (sorted). */
export const customersDeletedForGood = (automerge: AutomergeApi, documents: Documents): string[] => {
  const erased: string[] = [];
  for (const bucket of documents.stored()) {
    const doc = documents.get(bucket);
    for (const key of Object.keys(doc)) {
      const address = parseCellKey(key);
      if (address?.table === 'customers' && address.column === purgedColumn && cellValues(automerge, doc, key).some((cell) => cell.value === true)) erased.push(address.rowKey);
    }
  }
  return erased.sort();
};
