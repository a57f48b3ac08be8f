import type { Migration } from './types';

export const migration006: Migration = {
  version: 6,
  name: 'backup settings, backup runs and restores',
  up: (db) => {
    db.exec(`
      -- Where and how this computer backs the book up. One row; a restore carries the current row
      -- over into the restored book, because the folder belongs to this computer, not to the backup.
      CREATE TABLE backup_settings (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        folder TEXT NOT NULL DEFAULT '',
        automatic INTEGER NOT NULL DEFAULT 1 CHECK (automatic IN (0, 1)),
        keep_daily INTEGER NOT NULL DEFAULT 7 CHECK (keep_daily BETWEEN 1 AND 366),
        keep_weekly INTEGER NOT NULL DEFAULT 4 CHECK (keep_weekly BETWEEN 0 AND 520),
        encrypt INTEGER NOT NULL DEFAULT 0 CHECK (encrypt IN (0, 1)),
        -- The passphrase sealed by the operating system's keychain (never the passphrase itself);
        -- null when the owner chose not to remember it or the system offers no keychain.
        sealed_passphrase TEXT
      ) STRICT;
      INSERT INTO backup_settings (id) VALUES (1);

      -- Every backup attempt, good or failed: "last good backup" and the failure banner read this.
      CREATE TABLE backup_runs (
        id TEXT PRIMARY KEY,
        started_by TEXT NOT NULL CHECK (started_by IN ('manual', 'automatic', 'quit', 'before_restore', 'command_line')),
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        ok INTEGER NOT NULL CHECK (ok IN (0, 1)),
        file TEXT NOT NULL DEFAULT '',
        size_bytes INTEGER NOT NULL DEFAULT 0,
        encrypted INTEGER NOT NULL DEFAULT 0 CHECK (encrypted IN (0, 1)),
        -- A failure as an error value (JSON {code, details}), so it is shown translated.
        failure_json TEXT,
        counts_json TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX backup_runs_finished ON backup_runs (finished_at);

      -- Each restore and the safety backup taken just before it, which is what "undo" restores.
      CREATE TABLE restores (
        id TEXT PRIMARY KEY,
        restored_at TEXT NOT NULL,
        source_file TEXT NOT NULL,
        source_created_at TEXT NOT NULL,
        undo_file TEXT NOT NULL,
        undone_at TEXT
      ) STRICT;
      CREATE INDEX restores_at ON restores (restored_at);
    `);
  },
};
