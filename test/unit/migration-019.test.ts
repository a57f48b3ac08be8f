import { describe, expect, it } from 'vitest';
import { openBook } from '../../electron/core/book';
import { openDatabase } from '../../electron/core/db/connection';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { bookPath } from '../../electron/core/paths';
import { agendaCounts } from '../../electron/core/reminders/agenda-queries';
import { tempDir } from '../support/core';

const planOf = (db: ReturnType<typeof openDatabase>, sql: string): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ today: '2026-12-05', last: '2026-12-12' }) as { detail: string }[]).map((row) => row.detail).join('\n');

describe('migration 019: covering indexes for the Today counts, the promises chart and first-time customers', () => {
  it('keeps every reminder and counts the agenda from the index alone, snoozes on the day they come back', () => {
    const dir = tempDir();
    const db = openDatabase(bookPath(dir));
    migrate(db, () => '', migrations.filter((migration) => migration.version < 19));
    db.prepare("INSERT INTO staff (id, name, created_at) VALUES ('s1', 'Mei', 'x')").run();
    const reminder = db.prepare(
      "INSERT INTO reminders (id, kind, reason_key, due_day, snoozed_until, status, assignee_id, closed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'x', 'x')",
    );
    reminder.run('r1', 'birthday', 'a', '2026-12-01', null, 'open', null, null);
    reminder.run('r2', 'birthday', 'b', '2026-12-05', null, 'open', 's1', null);
    // Snoozed from overdue to the day after tomorrow: it counts as coming, not overdue.
    reminder.run('r3', 'win_back', 'c', '2026-11-20', '2026-12-07', 'open', null, null);
    reminder.run('r4', 'win_back', 'd', '2026-12-30', null, 'open', null, null);
    reminder.run('r5', 'win_back', 'e', '2026-12-02', null, 'done', null, '2026-12-03');
    db.close();

    const { db: upgraded } = openBook(dir, { now: () => new Date('2026-12-05T00:00:00Z') });
    expect(upgraded.prepare('SELECT count(*) FROM reminders').pluck().get()).toBe(5);
    expect(agendaCounts(upgraded, '2026-12-05', '2026-12-12')).toEqual([
      { kind: 'birthday', assignee_id: null, overdue: 1, today: 0, upcoming: 0 },
      { kind: 'birthday', assignee_id: 's1', overdue: 0, today: 1, upcoming: 0 },
      { kind: 'win_back', assignee_id: null, overdue: 0, today: 0, upcoming: 1 },
    ]);
    const plan = planOf(
      upgraded,
      "SELECT kind, assignee_id, sum(coalesce(snoozed_until, due_day) < @today) FROM reminders WHERE status = 'open' AND coalesce(snoozed_until, due_day) <= @last GROUP BY kind, assignee_id",
    );
    expect(plan).toContain('COVERING INDEX reminders_open_counts');
    expect(plan).not.toContain('TEMP B-TREE');
    // A month of the promises chart: settled promises and how many were kept, from the index alone.
    expect(
      planOf(
        upgraded,
        "SELECT count(*), coalesce(sum(outcome = 'kept'), 0) FROM complaint_promises WHERE outcome IS NOT NULL AND settled_at >= @today AND settled_at < @last",
      ),
    ).toContain('COVERING INDEX complaint_promises_settled');
    // A month's first-time customers still in the book, from the index alone.
    expect(
      planOf(upgraded, 'SELECT count(*) FROM customers WHERE first_visit_at IS NOT NULL AND first_visit_at >= @today AND first_visit_at < @last AND archived_at IS NULL'),
    ).toContain('COVERING INDEX customers_first_visit');
    upgraded.close();
  });
});
