// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Merging two customers and undoing it. */
export { countMergesOf, deleteCustomerRow, deleteMergesOf } from './queries';
