import type { AuditActorRole } from '../../../shared/contract/audit';
import type { HandlerContext } from '../context';
import { newId } from '../db/ids';
import { statementsFor } from '../db/statements';

export interface AuditEntry {
  /** What happened, as a stable `entity.verb` code the audit viewer translates: 'customer.update'. */
  action: string;
  entity: string;
  entityId: string | null;
  /** What the record looked like before and after; null where there was nothing (create, delete). */
  before?: unknown;
  after?: unknown;
  note?: string;
  /** A change another device made, written here by a sync: that device. */
  deviceId?: string;
}

const statements = statementsFor((db) => ({
  insert: db.prepare<[string, string, string, string | null, string, string, string | null, string | null, string | null, string, string | null]>(`
    INSERT INTO audit_log (id, at, actor_role, actor_staff_id, action, entity, entity_id, before_json, after_json, note, device_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
}));

const toJson = (value: unknown): string | null => (value === undefined || value === null ? null : JSON.stringify(value));

/**
 * Appends one entry in the caller's transaction, so the change and its record commit together:
 * who (the role and the staff member at the counter), when, what, and what it was before. Who did
 * it is all the entry needs of the session, so work done outside a handler (an import job, a sync
 * writing what another device did: 'system', with that device's staff) can say it too.
 */
export const recordAudit = (ctx: Pick<HandlerContext, 'db' | 'now'> & { session: { role: AuditActorRole; staffId: string | null } }, entry: AuditEntry): void => {
  statements(ctx.db).insert.run(
    newId(),
    ctx.now().toISOString(),
    ctx.session.role,
    ctx.session.staffId,
    entry.action,
    entry.entity,
    entry.entityId,
    toJson(entry.before),
    toJson(entry.after),
    entry.note ?? '',
    entry.deviceId ?? null,
  );
};
