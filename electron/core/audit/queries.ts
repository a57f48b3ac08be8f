import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';
import type { TimelineCursor } from '../timeline';

export interface DbAuditRow {
  id: string;
  at: string;
  actor_role: 'owner' | 'staff' | 'system';
  actor_staff_id: string | null;
  staff_name: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  entity_name: string | null;
  before_json: string | null;
  after_json: string | null;
  note: string;
  device_id: string | null;
  device_name: string | null;
}

/** The audit log narrowed by any of these; instants are UTC, `toAt` exclusive. */
export interface AuditQuery {
  action: string | null;
  entity: string | null;
  entityId: string | null;
  staffId: string | null;
  fromAt: string | null;
  toAt: string | null;
  before: TimelineCursor | null;
}

const selectEntries = `
  SELECT a.id, a.at, a.actor_role, a.actor_staff_id, st.name AS staff_name, a.action, a.entity, a.entity_id,
    CASE a.entity WHEN 'customer' THEN c.name WHEN 'staff' THEN es.name END AS entity_name,
    a.before_json, a.after_json, a.note, a.device_id, d.name AS device_name
  FROM audit_log a
  LEFT JOIN sync_devices d ON d.id = a.device_id
  LEFT JOIN staff st ON st.id = a.actor_staff_id
  LEFT JOIN customers c ON a.entity = 'customer' AND c.id = a.entity_id
  LEFT JOIN staff es ON a.entity = 'staff' AND es.id = a.entity_id`;

/** One condition per filter, each with its own parameters; no caller text ever reaches the SQL. */
const conditions = {
  action: { sql: 'a.action = @action', params: (q: AuditQuery) => ({ action: q.action }) },
  entity: { sql: 'a.entity = @entity', params: (q: AuditQuery) => ({ entity: q.entity }) },
  entityId: { sql: 'a.entity_id = @entityId', params: (q: AuditQuery) => ({ entityId: q.entityId }) },
  staffId: { sql: 'a.actor_staff_id = @staffId', params: (q: AuditQuery) => ({ staffId: q.staffId }) },
  fromAt: { sql: 'a.at >= @fromAt', params: (q: AuditQuery) => ({ fromAt: q.fromAt }) },
  toAt: { sql: 'a.at < @toAt', params: (q: AuditQuery) => ({ toAt: q.toAt }) },
  before: {
    sql: '(a.at < @beforeAt OR (a.at = @beforeAt AND a.id < @beforeId))',
    params: (q: AuditQuery) => ({ beforeAt: q.before?.at, beforeId: q.before?.id }),
  },
} as const;

type Condition = keyof typeof conditions;

/**
 * A statement per combination of filters, prepared once: with only the conditions in use written
 * into it, SQLite picks the index that fits (by action, by staff, by record, or by time).
 */
const statements = statementsFor((db) => {
  const prepare = (used: readonly Condition[], limited: boolean) =>
    db.prepare<[Record<string, unknown>], DbAuditRow>(
      `${selectEntries}
      ${used.length > 0 ? `WHERE ${used.map((name) => conditions[name].sql).join(' AND ')}` : ''}
      ORDER BY a.at DESC, a.id DESC ${limited ? 'LIMIT @limit' : ''}`,
    );
  const byShape = new Map<string, ReturnType<typeof prepare>>();
  return {
    entries: (used: readonly Condition[], limited: boolean) => {
      const key = `${used.join(',')}|${limited}`;
      let statement = byShape.get(key);
      if (statement === undefined) {
        statement = prepare(used, limited);
        byShape.set(key, statement);
      }
      return statement;
    },
    actions: db.prepare<[], string>('SELECT DISTINCT action FROM audit_log ORDER BY action').pluck(),
    entities: db.prepare<[], string>('SELECT DISTINCT entity FROM audit_log ORDER BY entity').pluck(),
    countFor: db.prepare<[string, string], number>('SELECT count(*) FROM audit_log WHERE entity = ? AND entity_id = ?').pluck(),
  };
});

const shapeOf = (query: AuditQuery) => {
  const used = (Object.keys(conditions) as Condition[]).filter((name) => query[name] !== null);
  const params = Object.assign({}, ...used.map((name) => conditions[name].params(query))) as Record<string, unknown>;
  return { used, params };
};

/** Newest first, at most `limit` rows. */
export const auditRows = (db: Db, query: AuditQuery, limit: number): DbAuditRow[] => {
  const { used, params } = shapeOf(query);
  return statements(db).entries(used, true).all({ ...params, limit });
};

/** Newest first, every matching row, one at a time (for the export). */
export const iterateAuditRows = (db: Db, query: AuditQuery): IterableIterator<DbAuditRow> => {
  const { used, params } = shapeOf(query);
  return statements(db).entries(used, false).iterate(params);
};

export const auditActions = (db: Db): string[] => statements(db).actions.all();

export const auditEntities = (db: Db): string[] => statements(db).entities.all();

export const auditEntryCount = (db: Db, entity: string, entityId: string): number => statements(db).countFor.get(entity, entityId) ?? 0;
