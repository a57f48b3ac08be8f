import { describe, expect, it } from 'vitest';
import { openBook } from '../../electron/core/book';
import { openDatabase } from '../../electron/core/db/connection';
import { migrate, schemaVersionOf } from '../../electron/core/db/migrate';
import { latestSchemaVersion, migrations } from '../../electron/core/db/migrations';
import { bookPath } from '../../electron/core/paths';
import { tempDir } from '../support/core';

describe('migration 008: complaints', () => {
  it('upgrades a book without complaints, keeping its customers, and refuses a promise settled without a time', () => {
    const dir = tempDir();
    const db = openDatabase(bookPath(dir));
    migrate(db, () => '', migrations.filter((migration) => migration.version < 8));
    db.prepare("INSERT INTO customers (id, name, name_key, created_at, updated_at, last_seen_at) VALUES ('c1', 'Ada', 'ada', 'x', 'x', 'x')").run();
    db.close();
    const { db: upgraded, migration } = openBook(dir, { now: () => new Date('2026-11-23T00:00:00Z') });
    expect(migration.to).toBe(latestSchemaVersion);
    expect(schemaVersionOf(upgraded)).toBe(latestSchemaVersion);
    expect(upgraded.prepare('SELECT name FROM customers').pluck().all()).toEqual(['Ada']);
    upgraded
      .prepare(
        `INSERT INTO complaints (id, customer_id, channel, category, severity, description, state, received_at, reply_promise_id, resolve_promise_id, created_at, updated_at)
         VALUES ('k1', 'c1', 'phone', 'price', 'low', 'Charged twice', 'open', 'x', 'p1', 'p2', 'x', 'x')`,
      )
      .run();
    expect(() => upgraded.prepare("INSERT INTO complaint_promises (id, complaint_id, kind, due_at, outcome, created_at) VALUES ('p1', 'k1', 'reply', 'x', 'kept', 'x')").run()).toThrow(/CHECK/);
    upgraded.close();
  });
});
