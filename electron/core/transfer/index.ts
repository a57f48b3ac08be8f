// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Import and export: their jobs, and the book's counts by table. */
export { runExport } from './export/run';
export { bookCounts } from './export/tables';
export { analyseImport, commitImport, previewImport } from './import/jobs';
