import { describe, expect, it } from 'vitest';
import { openBook } from '../../electron/core/book';
import { openDatabase } from '../../electron/core/db/connection';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { bookPath } from '../../electron/core/paths';
import { tempDir } from '../support/core';

describe('migration 010: month figures for the dashboard', () => {
  it('starts with nothing kept, and a visit forgets exactly the month it falls in', () => {
    const dir = tempDir();
    const db = openDatabase(bookPath(dir));
    migrate(db, () => '', migrations.filter((migration) => migration.version < 10));
    db.prepare("INSERT INTO customers (id, name, name_key, created_at, updated_at, last_seen_at) VALUES ('c1', 'Ada', 'ada', 'x', 'x', 'x')").run();
    db.close();
    const { db: upgraded } = openBook(dir, { now: () => new Date('2026-11-23T00:00:00Z') });
    expect(upgraded.prepare('SELECT count(*) FROM visit_month_figures').pluck().get()).toBe(0);

    const keep = upgraded.prepare("INSERT INTO visit_month_figures (from_at, to_at, visits, revenue_minor, customers, new_customers) VALUES (?, ?, 0, 0, 0, 0)");
    keep.run('2026-09-30T16:00:00.000Z', '2026-10-31T16:00:00.000Z');
    keep.run('2026-10-31T16:00:00.000Z', '2026-11-30T16:00:00.000Z');
    upgraded
      .prepare("INSERT INTO visits (id, customer_id, kind, occurred_at, amount_minor, channel, created_at) VALUES ('v1', 'c1', 'visit', '2026-10-31T17:00:00.000Z', 100, 'store', 'x')")
      .run();
    expect(upgraded.prepare('SELECT from_at FROM visit_month_figures').pluck().all()).toEqual(['2026-09-30T16:00:00.000Z']);
    upgraded.prepare("UPDATE visits SET occurred_at = '2026-10-15T00:00:00.000Z' WHERE id = 'v1'").run();
    expect(upgraded.prepare('SELECT count(*) FROM visit_month_figures').pluck().get()).toBe(0);
    upgraded.close();
  });
});
