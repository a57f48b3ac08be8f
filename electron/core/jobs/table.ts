import type { JobKind } from '../../../shared/contract/jobs';
import type { Result } from '../../../shared/result';
import { checkBackupFile, createBackupFile } from '../backup';
import { fitValueJob, recomputeDerived } from '../derive';
import { syncJob, type SyncJobInput } from '../sync';
import { customerRecordParticipants } from '../customer-record-participants';
import { analyseImport, commitImport, previewImport, runExport } from '../transfer';
import type { JobContext } from './types';

/**
 * Every long job by kind: the runner calls them inline or the worker calls them in its thread. Each
 * entry reaches its job only when called, so loading the table does not evaluate every feature (the
 * features' index modules import each other; an eager table would read a job before its module ran).
 */
export const jobTable = {
  backup: (...args: Parameters<typeof createBackupFile>) => createBackupFile(...args),
  'restore-check': (...args: Parameters<typeof checkBackupFile>) => checkBackupFile(...args),
  'import-analyse': (...args: Parameters<typeof analyseImport>) => analyseImport(...args),
  'import-preview': (...args: Parameters<typeof previewImport>) => previewImport(...args),
  'import-commit': (...args: Parameters<typeof commitImport>) => commitImport(...args),
  export: (...args: Parameters<typeof runExport>) => runExport(...args),
  'value-fit': (...args: Parameters<typeof fitValueJob>) => fitValueJob(...args),
  recompute: (...args: Parameters<typeof recomputeDerived>) => recomputeDerived(...args),
  sync: (input: SyncJobInput, job: JobContext) => syncJob(input, job, customerRecordParticipants),
} satisfies { [K in JobKind]: (input: never, job: JobContext) => Promise<Result<unknown>> };

declare module '../context' {
  interface JobRegistry {
    table: typeof jobTable;
  }
}
