import { z } from 'zod';
import { languages } from '../locale';
import { handler, returns } from './define';
import { id, pageLimit } from './fields';

export type AuditActorRole = 'owner' | 'staff' | 'system';

/** One line of the audit trail as the owner reads it. */
export interface AuditLogEntry {
  id: string;
  at: string;
  actorRole: AuditActorRole;
  /** The staff member at the counter when it happened, if one was chosen. */
  staffId: string | null;
  staffName: string | null;
  /** For a change another device made (written here by a sync): that device, and its name where the book knows one. */
  deviceId: string | null;
  deviceName: string | null;
  /** A stable `entity.verb` code: 'customer.update', 'customer.merge', 'owner.unlock_failed'. */
  action: string;
  entity: string;
  entityId: string | null;
  /** The record's name: its current one while it exists, else the one the entry recorded. */
  entityLabel: string | null;
  /** What the action changed, as it was before and after; null where there was nothing. */
  before: unknown;
  after: unknown;
  note: string;
}

const localDate = z.iso.date();
const code = z.string().trim().min(1).max(100);

/** Filters the audit screen and its export share; each one narrows, none is required. */
export const auditFilters = z.strictObject({
  action: code.nullable().default(null),
  entity: code.nullable().default(null),
  entityId: id.nullable().default(null),
  staffId: id.nullable().default(null),
  /** Shop-local calendar days, both included. */
  from: localDate.nullable().default(null),
  to: localDate.nullable().default(null),
});
export type AuditFilters = z.output<typeof auditFilters>;

export interface AuditPage {
  entries: AuditLogEntry[];
  /** Pass back as `before` for older entries; null when there are none. */
  nextCursor: string | null;
}

export const auditContract = {
  'audit-list': handler({
    input: auditFilters.extend({
      before: z.string().max(200).nullable().default(null),
      limit: pageLimit.default(50),
    }),
    output: returns<AuditPage>(),
    access: 'owner',
    mutates: false,
  }),
  /** The actions and entities the log holds, for the filter lists. */
  'audit-facets': handler({
    input: z.strictObject({}),
    output: returns<{ actions: string[]; entities: string[] }>(),
    access: 'owner',
    mutates: false,
  }),
  /** The filtered log as CSV (UTF-8 with BOM, so Excel reads Chinese), headers in `language`. */
  'audit-export': handler({
    input: auditFilters.extend({ language: z.enum(languages) }),
    output: returns<{ fileName: string; csv: string; rows: number }>(),
    access: 'owner',
    mutates: true,
  }),
} as const;
