import { z } from 'zod';
import type { RecordCount } from './customer-records';
import type { CustomerSummary } from './customers';
import { handler, returns } from './define';
import { id, pageLimit } from './fields';
import type { Visit } from './visits';

export interface ArchivedCustomer extends CustomerSummary {
  archivedAt: string;
}

export interface ArchivedVisit extends Visit {
  archivedAt: string;
}

/** What deleting an archived customer for good takes with it, for the confirmation to name. */
export interface PurgePreview {
  id: string;
  name: string;
  archivedAt: string;
  records: RecordCount[];
  /** Entries of the audit trail about this customer: they stay. */
  auditEntries: number;
}

const page = z.strictObject({
  offset: z.int().min(0).max(10_000_000).default(0),
  limit: pageLimit.default(50),
});

/** The owner's archive: what was soft-deleted, to restore it or delete it for good. */
export const archiveContract = {
  'archive-customers': handler({
    input: page,
    output: returns<{ total: number; rows: ArchivedCustomer[] }>(),
    access: 'owner',
    mutates: false,
  }),
  'archive-visits': handler({
    input: page,
    output: returns<{ total: number; rows: ArchivedVisit[] }>(),
    access: 'owner',
    mutates: false,
  }),
  'customers-purge-preview': handler({
    input: z.strictObject({ id }),
    output: returns<PurgePreview>(),
    access: 'owner',
    mutates: false,
  }),
  /** Deletes an archived customer and everything of theirs for good. */
  'customers-purge': handler({
    input: z.strictObject({ id }),
    output: returns<PurgePreview>(),
    access: 'owner',
    mutates: true,
  }),
  /** Deletes an archived visit or contact for good. */
  'visits-purge': handler({
    input: z.strictObject({ id }),
    output: returns<{ id: string }>(),
    access: 'owner',
    mutates: true,
  }),
} as const;
