// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Merges: the customer row's delete and the merges a purge removes. */
export { countMergesOf, deleteCustomerRow, deleteMergesOf } from './queries';
