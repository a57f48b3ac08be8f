import { z } from 'zod';
import { handler, returns } from './define';

/** Long tasks run off the UI path; each reports progress and some can be cancelled. */
export const jobKinds = ['backup', 'restore-check', 'import-analyse', 'import-preview', 'import-commit', 'export', 'value-fit', 'recompute', 'sync'] as const;
export type JobKind = (typeof jobKinds)[number];

export interface JobProgress {
  jobId: string;
  kind: JobKind;
  /** What the job is doing now, e.g. 'snapshot', 'verify', 'write'; the UI translates it. */
  phase: string;
  done: number;
  /** 0 when the amount of work is not known yet. */
  total: number;
  cancellable: boolean;
}

export const jobsContract = {
  'jobs-list': handler({
    input: z.strictObject({}),
    output: returns<JobProgress[]>(),
    access: 'owner',
    mutates: false,
  }),
  'jobs-cancel': handler({
    input: z.strictObject({ jobId: z.string().min(1).max(64) }),
    output: returns<{ cancelling: boolean }>(),
    access: 'owner',
    mutates: false,
  }),
} as const;
