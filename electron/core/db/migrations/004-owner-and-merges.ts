import type { Migration } from './types';

export const migration004: Migration = {
  version: 4,
  name: 'owner PIN, merges, archive and audit look-ups',
  up: (db) => {
    db.exec(`
      -- The owner's secrets as salted scrypt hashes (never in clear), each with its own count of
      -- wrong attempts and the time before which the next attempt is refused: the growing wait
      -- survives a restart of the app. 'recovery' is the one-time code shown at setup.
      CREATE TABLE owner_secrets (
        kind TEXT PRIMARY KEY CHECK (kind IN ('pin', 'recovery')),
        hash TEXT NOT NULL,
        set_at TEXT NOT NULL,
        failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
        retry_at TEXT
      ) STRICT;

      -- One row per merge of two customers: the absorbed customer is deleted, and this row keeps
      -- everything needed to put both back exactly (their rows, phones, tags, name grams, and what
      -- each feature moved). No foreign keys: the row must outlive both customers' rows.
      CREATE TABLE customer_merges (
        id TEXT PRIMARY KEY,
        at TEXT NOT NULL,
        actor_role TEXT NOT NULL CHECK (actor_role IN ('owner', 'staff', 'system')),
        actor_staff_id TEXT REFERENCES staff (id),
        survivor_id TEXT NOT NULL,
        absorbed_id TEXT NOT NULL,
        absorbed_name TEXT NOT NULL,
        -- The survivor's updated_at right after the merge: a later edit makes undo refuse rather
        -- than silently revert it.
        survivor_updated_at TEXT NOT NULL,
        snapshot_json TEXT NOT NULL,
        moved_json TEXT NOT NULL,
        undone_at TEXT
      ) STRICT;
      CREATE INDEX customer_merges_survivor ON customer_merges (survivor_id, at);

      -- The owner's archive lists what was soft-deleted, most recent first.
      CREATE INDEX customers_archived ON customers (archived_at) WHERE archived_at IS NOT NULL;
      CREATE INDEX visits_archived ON visits (archived_at) WHERE archived_at IS NOT NULL;

      -- The audit screen filters by action and by staff member, newest first.
      CREATE INDEX audit_log_action ON audit_log (action, at);
      CREATE INDEX audit_log_staff ON audit_log (actor_staff_id, at) WHERE actor_staff_id IS NOT NULL;
    `);
  },
};
