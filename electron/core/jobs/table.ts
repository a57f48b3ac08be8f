import type { JobKind } from '../../../shared/contract/jobs';
import type { Result } from '../../../shared/result';
import { checkBackupFile, createBackupFile } from '../backup/jobs';
import { recomputeDerived } from '../derive/job';
import { runExport } from '../transfer/export/run';
import { analyseImport, commitImport, previewImport } from '../transfer/import/jobs';
import { fitValueJob } from '../value/job';
import type { JobContext } from './types';

/** Every long job by kind: the runner calls them inline or the worker calls them in its thread. */
export const jobTable = {
  backup: createBackupFile,
  'restore-check': checkBackupFile,
  'import-analyse': analyseImport,
  'import-preview': previewImport,
  'import-commit': commitImport,
  export: runExport,
  'value-fit': fitValueJob,
  recompute: recomputeDerived,
} satisfies { [K in JobKind]: (input: never, job: JobContext) => Promise<Result<unknown>> };

export type JobInput<K extends JobKind> = Parameters<(typeof jobTable)[K]>[0];
export type JobOutput<K extends JobKind> = Awaited<ReturnType<(typeof jobTable)[K]>> extends Result<infer O> ? O : never;
