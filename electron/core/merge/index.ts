// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Merges: the customer row's delete, the merges a purge removes, and the undo a sync makes of merges into a customer deleted for good elsewhere. */
export { countMergesOf, deleteCustomerRow, deleteMergesOf } from './queries';
export { undoMergesInto } from './undo';
