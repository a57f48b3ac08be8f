import type { Migration } from './types';

export const migration002: Migration = {
  version: 2,
  name: 'audit log',
  up: (db) => {
    db.exec(`
      -- Who changed what and when. before/after hold JSON snapshots of what the action changed;
      -- the log is append-only: no handler updates or deletes its rows.
      CREATE TABLE audit_log (
        id TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        actor_role TEXT NOT NULL CHECK (actor_role IN ('owner', 'staff', 'system')),
        actor_staff_id TEXT REFERENCES staff (id),
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id TEXT,
        before_json TEXT,
        after_json TEXT,
        note TEXT NOT NULL DEFAULT ''
      ) STRICT;
      -- The audit viewer reads newest first, filtered by entity or by one record's history.
      CREATE INDEX audit_log_at ON audit_log (at);
      CREATE INDEX audit_log_entity ON audit_log (entity, entity_id, at);
    `);
  },
};
