// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** A customer's visit history and its records. */
export { deleteImportedHistoriesOfImport, insertImportedHistory } from './queries';
