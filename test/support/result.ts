import type { FileSource } from '../../shared/contract/files';
import type { ImportAnalysis } from '../../shared/contract/transfer';
import type { Result } from '../../shared/result';

/**
 * Helpers free of the test runner, so the bench and the crash tests' child processes use them
 * too: the value of a result the caller expects to succeed, and the plan an analysed file gives.
 */
export const expectOk = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`);
  return result.value;
};

/** What import-preview and import-commit take for a file as analysed, with the mapping it suggested. */
export const importPlanOf = (source: FileSource, analysis: ImportAnalysis) => ({
  source,
  sheet: analysis.sheet,
  fileHash: analysis.fileHash,
  encoding: analysis.encoding,
  delimiter: analysis.delimiter,
  headerRow: analysis.headerRow,
  mapping: analysis.columns.map((column) => column.target),
});
