import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection';
import { migrate, schemaVersionOf } from '../../electron/core/db/migrate';
import { latestSchemaVersion, migrations } from '../../electron/core/db/migrations';
import { bookPath } from '../../electron/core/paths';
import { freshCore, tempDir } from '../support/core';

describe('migration 005: reminders, rhythm and lapse, win-back', () => {
  it('upgrades a version-2 book with regulars in it: their rhythm, lapse day and reminders are worked out on first open', () => {
    const dir = tempDir();
    const db = openDatabase(bookPath(dir));
    migrate(db, () => '', migrations.filter((migration) => migration.version <= 2));
    db.exec(`
      INSERT INTO settings (key, value) VALUES ('timeZone', '"Asia/Taipei"');
      INSERT INTO customers (id, name, name_key, birthday_month, birthday_day, created_at, updated_at, last_seen_at, first_visit_at, last_visit_at, visit_count)
        VALUES ('c1', 'Ada', 'ada', 3, 27, '2026-01-01T00:00:00.000Z', 'x', '2026-03-03T02:00:00.000Z', '2026-02-04T02:00:00.000Z', '2026-03-03T02:00:00.000Z', 4);
      INSERT INTO visits (id, customer_id, kind, occurred_at, channel, created_at) VALUES
        ('v1', 'c1', 'visit', '2026-02-04T02:00:00.000Z', 'store', 'x'),
        ('v2', 'c1', 'visit', '2026-02-13T02:00:00.000Z', 'store', 'x'),
        ('v3', 'c1', 'visit', '2026-02-22T02:00:00.000Z', 'store', 'x'),
        ('v4', 'c1', 'visit', '2026-03-03T02:00:00.000Z', 'store', 'x');
    `);
    db.close();

    const core = freshCore({ dataDir: dir, now: () => new Date('2026-03-25T01:00:00.000Z') });
    expect(schemaVersionOf(core.db)).toBe(latestSchemaVersion);
    expect(core.db.prepare("SELECT name, visit_rhythm_days, lapses_on, lost_at FROM customers WHERE id = 'c1'").get()).toEqual({
      name: 'Ada',
      visit_rhythm_days: 9,
      lapses_on: '2026-03-22',
      lost_at: null,
    });
    expect(core.db.prepare("SELECT kind, due_day, status FROM reminders ORDER BY kind").all()).toEqual([
      { kind: 'birthday', due_day: '2026-03-24', status: 'open' },
      { kind: 'win_back', due_day: '2026-03-22', status: 'open' },
    ]);
    expect(core.db.prepare("SELECT name FROM pragma_table_list WHERE strict = 1 AND name IN ('reminders', 'win_back_attempts', 'customer_status_events') ORDER BY name").pluck().all()).toEqual([
      'customer_status_events',
      'reminders',
      'win_back_attempts',
    ]);
  });

  it('keeps one reminder per reason at the database level', () => {
    const core = freshCore();
    const insert = core.db.prepare("INSERT INTO reminders (id, kind, reason_key, due_day, created_at, updated_at) VALUES (?, 'custom', 'same', '2026-03-10', 'x', 'x')");
    insert.run('r1');
    expect(() => insert.run('r2')).toThrow(/UNIQUE/);
    expect(() => core.db.prepare("INSERT INTO reminders (id, kind, reason_key, due_day, status, created_at, updated_at) VALUES ('r3', 'custom', 'other', '2026-03-10', 'done', 'x', 'x')").run()).toThrow(
      /CHECK/,
    );
  });
});
