import { z } from 'zod';
import { participant } from '../customer-records';
import { countImportedHistories, deleteImportedHistoriesOf, moveImportedHistories, returnImportedHistories } from './queries';

/**
 * A history brought from another tool is a fact about the customer: a merge gives it to the
 * survivor (whose activity summary then counts it, see merge/handlers), a purge deletes it.
 */
export const importedHistoryRecords = participant({
  name: 'imported-history',
  count: (db, customerId) => [{ kind: 'importedHistories', count: countImportedHistories(db, customerId) }],
  moveForMerge: (db, survivor, absorbed) => ({ histories: moveImportedHistories(db, absorbed.id, survivor.id) }),
  moved: z.object({ histories: z.array(z.string()) }),
  undoMerge: (db, survivor, absorbed, moved) => returnImportedHistories(db, survivor.id, absorbed.id, moved.histories),
  purge: deleteImportedHistoriesOf,
});
