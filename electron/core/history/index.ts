// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Imported visit histories: writing and deleting them for an import. */
export { addImportedHistory, deleteImportedHistoriesOfImport, newImportedHistoryRows } from './queries';
export { importedHistoryRecords } from './records';
