import { describe, expect, it } from 'vitest';
import { openBook } from '../../electron/core/book';
import { openDatabase } from '../../electron/core/db/connection';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { bookPath } from '../../electron/core/paths';
import { tempDir } from '../support/core';

describe('migration 011: history brought from another tool', () => {
  it('keeps existing customers and accepts a summary, refusing a last visit before the first', () => {
    const dir = tempDir();
    const db = openDatabase(bookPath(dir));
    migrate(db, () => '', migrations.filter((migration) => migration.version < 11));
    db.prepare("INSERT INTO customers (id, name, name_key, created_at, updated_at, last_seen_at) VALUES ('c1', 'Ada', 'ada', 'x', 'x', 'x')").run();
    db.close();
    const { db: upgraded } = openBook(dir, { now: () => new Date('2026-12-05T00:00:00Z') });
    expect(upgraded.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(1);
    const insert = upgraded.prepare(
      "INSERT INTO imported_histories (id, customer_id, import_id, source_name, visit_count, revenue_minor, first_visit_at, last_visit_at, recorded_at) VALUES (?, 'c1', 'i1', 'square.csv', 37, 120450, ?, ?, 'x')",
    );
    insert.run('h1', '2025-01-04T00:00:00.000Z', '2026-10-30T00:00:00.000Z');
    expect(() => insert.run('h2', '2026-10-30T00:00:00.000Z', '2025-01-04T00:00:00.000Z')).toThrow(/CHECK/);
    expect(upgraded.prepare('SELECT visit_count, revenue_minor FROM imported_histories').get()).toEqual({ visit_count: 37, revenue_minor: 120450 });
    upgraded.close();
  });
});
