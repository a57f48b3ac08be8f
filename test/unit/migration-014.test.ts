import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openBook } from '../../electron/core/book';
import { openDatabase } from '../../electron/core/db/connection';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { bookPath } from '../../electron/core/paths';
import { tempDir } from '../support/core';

const visitIndexes = (db: ReturnType<typeof openDatabase>): string[] =>
  db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'visits' AND sql IS NOT NULL ORDER BY name").pluck().all() as string[];

const planOf = (db: ReturnType<typeof openDatabase>, sql: string, ...params: unknown[]): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join('\n');

describe('migration 014: two covering visit indexes instead of seven', () => {
  it('keeps every visit, reads them through the new indexes, and gives the freed pages back to the disk', () => {
    const dir = tempDir();
    const file = bookPath(dir);
    const db = openDatabase(file);
    migrate(db, () => '', migrations.filter((migration) => migration.version <= 11));
    db.prepare("INSERT INTO staff (id, name, created_at) VALUES ('s1', 'Mei', 'x')").run();
    const customer = db.prepare("INSERT INTO customers (id, name, name_key, created_at, updated_at, last_seen_at) VALUES (?, ?, ?, 'x', 'x', 'x')");
    const visit = db.prepare("INSERT INTO visits (id, customer_id, kind, occurred_at, amount_minor, channel, items, staff_id, created_at) VALUES (?, ?, 'visit', ?, ?, 'store', ?, 's1', 'x')");
    db.transaction(() => {
      for (let c = 0; c < 200; c += 1) {
        customer.run(`c${c}`, `Customer ${c}`, `customer ${c}`);
        for (let v = 0; v < 40; v += 1) visit.run(`v${c}-${v}`, `c${c}`, new Date(Date.UTC(2025, 0, 1) + (c * 40 + v) * 3_600_000).toISOString(), 1000 + v, 'latte '.repeat(5));
      }
    })();
    expect(visitIndexes(db)).toHaveLength(7);
    db.close();
    const before = statSync(file).size;

    const { db: upgraded } = openBook(dir, { now: () => new Date('2026-12-05T00:00:00Z') });
    // The contacts' own small index (migration 012) stays: the activity summary reads last contacts through it.
    expect(visitIndexes(upgraded)).toEqual(['visits_archived', 'visits_customer_contact_time', 'visits_customer_time', 'visits_time']);
    expect(upgraded.prepare('SELECT count(*), sum(amount_minor) FROM visits').raw().get()).toEqual([8000, 200 * (40 * 1000 + 780)]);
    // One customer's visits in time order and a month of the dashboard read their index alone.
    expect(planOf(upgraded, "SELECT occurred_at, amount_minor FROM visits WHERE customer_id = ? AND kind = 'visit' AND archived_at IS NULL ORDER BY occurred_at DESC", 'c7')).toMatch(
      /COVERING INDEX visits_customer_time/,
    );
    expect(
      planOf(
        upgraded,
        "SELECT count(*), sum(amount_minor), count(DISTINCT customer_id) FROM visits WHERE kind = 'visit' AND archived_at IS NULL AND occurred_at >= ? AND occurred_at < ?",
        '2025-02-01',
        '2025-03-01',
      ),
    ).toMatch(/COVERING INDEX visits_time/);
    expect(upgraded.prepare("SELECT count(*) FROM visits WHERE customer_id = 'c7' AND occurred_at >= '2025-01-13'").pluck().get()).toBe(40 - 8);
    // The VACUUM after the migration left no free page behind, and the log was written back.
    expect(upgraded.pragma('freelist_count', { simple: true })).toBe(0);
    expect(upgraded.pragma('integrity_check', { simple: true })).toBe('ok');
    upgraded.close();
    expect(statSync(file).size).toBeLessThan(before);
  });
});
