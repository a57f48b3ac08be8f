import type { Migration } from './types';

export const migration017: Migration = {
  version: 17,
  name: 'imports that can be undone',
  up: (db) => {
    db.exec(`
      -- One row per committed import, so the owner can undo it: what it created and added, by id.
      -- Visits of the customers it created go with them; visit_ids are the visits it added to
      -- customers the book already had. Its imported_histories rows carry its id.
      CREATE TABLE import_runs (
        id TEXT PRIMARY KEY,
        file_name TEXT NOT NULL,
        committed_at TEXT NOT NULL,
        -- JSON lists of ids.
        customer_ids TEXT NOT NULL,
        visit_ids TEXT NOT NULL,
        histories INTEGER NOT NULL CHECK (histories >= 0),
        undone_at TEXT
      ) STRICT;
      CREATE INDEX import_runs_committed ON import_runs (committed_at);
    `);
  },
};
