import { describe, expect, it } from 'vitest';
import { openBook } from '../../electron/core/book';
import { openDatabase } from '../../electron/core/db/connection';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { bookPath } from '../../electron/core/paths';
import { tempDir } from '../support/core';

describe('migration 017: imports that can be undone', () => {
  it('keeps existing customers and records an import run with what it created', () => {
    const dir = tempDir();
    const db = openDatabase(bookPath(dir));
    migrate(db, () => '', migrations.filter((migration) => migration.version < 17));
    db.prepare("INSERT INTO customers (id, name, name_key, created_at, updated_at, last_seen_at) VALUES ('c1', 'Ada', 'ada', 'x', 'x', 'x')").run();
    db.close();
    const { db: upgraded } = openBook(dir, { now: () => new Date('2026-12-05T00:00:00Z') });
    expect(upgraded.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(1);
    upgraded
      .prepare("INSERT INTO import_runs (id, file_name, committed_at, customer_ids, visit_ids, histories) VALUES ('i1', 'square.csv', 'x', '[\"c1\"]', '[]', 1)")
      .run();
    expect(upgraded.prepare('SELECT file_name, undone_at FROM import_runs').get()).toEqual({ file_name: 'square.csv', undone_at: null });
    expect(() => upgraded.prepare("INSERT INTO import_runs (id, file_name, committed_at, customer_ids, visit_ids, histories) VALUES ('i2', 'a', 'x', '[]', '[]', -1)").run()).toThrow(/CHECK/);
    upgraded.close();
  });
});
