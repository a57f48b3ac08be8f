import { z } from 'zod';
import type { RecordCount } from './customer-records';
import { customerFields, type CustomerDetail } from './customers';
import { handler, returns } from './define';
import type { AuditActorRole } from './audit';
import { id } from './fields';

export interface MergePreview {
  survivor: CustomerDetail;
  absorbed: CustomerDetail;
  /** What moves from the absorbed customer to the survivor. */
  moves: RecordCount[];
}

/** One merge as the owner sees it on the survivor's profile. */
export interface MergeRecord {
  id: string;
  at: string;
  survivorId: string;
  absorbedId: string;
  absorbedName: string;
  actorRole: AuditActorRole;
  staffName: string | null;
  undoneAt: string | null;
  /** Whether undo would restore both customers exactly right now (nothing changed since). */
  undoable: boolean;
}

const pair = z.strictObject({ survivorId: id, absorbedId: id });

export const mergeContract = {
  'customers-merge-preview': handler({
    input: pair,
    output: returns<MergePreview>(),
    access: 'owner',
    mutates: false,
  }),
  /** `fields` are the survivor's values after the merge, chosen field by field from the two. */
  'customers-merge': handler({
    input: pair.extend({ fields: customerFields }),
    output: returns<{ merge: MergeRecord; survivor: CustomerDetail }>(),
    access: 'owner',
    mutates: true,
  }),
  'customers-merge-undo': handler({
    input: z.strictObject({ mergeId: id }),
    output: returns<{ survivor: CustomerDetail; absorbed: CustomerDetail }>(),
    access: 'owner',
    mutates: true,
  }),
  /** The merges into one customer, newest first. */
  'customers-merges': handler({
    input: z.strictObject({ customerId: id }),
    output: returns<MergeRecord[]>(),
    access: 'owner',
    mutates: false,
  }),
} as const;
