import type { AuditLogEntry } from '../../../shared/contract/audit';
import { parseStoredJson } from '../../../shared/json';
import type { DbAuditRow } from './queries';

/** A recorded snapshot; text that is not JSON is shown as it was written. */
const snapshotOf = (text: string | null): unknown => {
  if (text === null) return null;
  const value = parseStoredJson(text);
  return value === undefined ? text : value;
};

/** The name an entry recorded for its record (a device's as deviceName), for records that no longer exist (purged, merged away, removed). */
const recordedName = (...snapshots: unknown[]): string | null => {
  for (const snapshot of snapshots) {
    if (snapshot === null || typeof snapshot !== 'object') continue;
    const { name, deviceName } = snapshot as { name?: unknown; deviceName?: unknown };
    if (typeof name === 'string') return name;
    if (typeof deviceName === 'string') return deviceName;
  }
  return null;
};

export const toAuditEntry = (row: DbAuditRow): AuditLogEntry => {
  const before = snapshotOf(row.before_json);
  const after = snapshotOf(row.after_json);
  return {
    id: row.id,
    at: row.at,
    actorRole: row.actor_role,
    staffId: row.actor_staff_id,
    staffName: row.staff_name,
    deviceId: row.device_id,
    deviceName: row.device_name,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    entityLabel: row.entity_name ?? recordedName(after, before),
    before,
    after,
    note: row.note,
  };
};
