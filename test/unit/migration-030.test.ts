import { describe, expect, it } from 'vitest';
import { openBook } from '../../electron/core/book';
import { openDatabase } from '../../electron/core/db/connection';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { bookPath } from '../../electron/core/paths';
import { tempDir } from '../support/core';

// The statement SQLite runs to find what refers to a row being deleted.
const referenceLookupPlan = (db: ReturnType<typeof openDatabase>, table: string, column: string): string =>
  (db.prepare(`EXPLAIN QUERY PLAN SELECT 1 FROM ${table} WHERE ${column} = ?`).all('x') as { detail: string }[]).map((row) => row.detail).join('\n');

describe('migration 030: references to answers and reminders are looked up by index', () => {
  it('indexes them, keeps every row, and still refuses to delete what is referred to', () => {
    const dir = tempDir();
    const db = openDatabase(bookPath(dir));
    migrate(db, () => '', migrations.filter((migration) => migration.version < 30));
    expect(referenceLookupPlan(db, 'complaints', 'satisfaction_answer_id')).toMatch(/^SCAN complaints/);
    expect(referenceLookupPlan(db, 'win_back_attempts', 'reminder_id')).toMatch(/^SCAN win_back_attempts/);
    db.exec(`
      INSERT INTO customers (id, name, name_key, created_at, updated_at, last_seen_at) VALUES ('c1', 'Mei', 'mei', 'x', 'x', 'x');
      INSERT INTO satisfaction_answers (id, customer_id, level, source, answered_at, created_at) VALUES ('a1', 'c1', 2, 'complaint', 'x', 'x'), ('a2', 'c1', 1, 'standalone', 'x', 'x');
      INSERT INTO reminders (id, kind, reason_key, customer_id, due_day, status, closed_at, created_at, updated_at) VALUES ('r1', 'win_back', 'c1', 'c1', '2026-12-01', 'done', 'x', 'x', 'x'), ('r2', 'birthday', 'c1', 'c1', '2026-12-01', 'open', NULL, 'x', 'x');
      INSERT INTO win_back_attempts (id, customer_id, reminder_id, outcome, attempted_at, created_at) VALUES ('w1', 'c1', 'r1', 'declined', 'x', 'x'), ('w2', 'c1', NULL, 'no_answer', 'x', 'x');
    `);
    db.close();

    const { db: upgraded } = openBook(dir, { now: () => new Date('2026-12-05T00:00:00Z') });
    expect(referenceLookupPlan(upgraded, 'complaints', 'satisfaction_answer_id')).toContain('USING COVERING INDEX complaints_satisfaction_answer');
    expect(referenceLookupPlan(upgraded, 'win_back_attempts', 'reminder_id')).toContain('USING COVERING INDEX win_back_attempts_reminder');
    expect(upgraded.prepare('SELECT count(*) FROM win_back_attempts').pluck().get()).toBe(2);
    expect(() => upgraded.prepare("DELETE FROM reminders WHERE id = 'r1'").run()).toThrow(/FOREIGN KEY/);
    upgraded.prepare("DELETE FROM reminders WHERE id = 'r2'").run();
    upgraded.prepare("DELETE FROM satisfaction_answers WHERE id = 'a2'").run();
    expect(upgraded.prepare('SELECT count(*) FROM reminders').pluck().get()).toBe(1);
    upgraded.close();
  });
});
