import { describe, expect, it } from 'vitest';
import { openBook } from '../../electron/core/book';
import { openDatabase } from '../../electron/core/db/connection';
import { migrate, schemaVersionOf } from '../../electron/core/db/migrate';
import { latestSchemaVersion, migrations } from '../../electron/core/db/migrations';
import { bookPath } from '../../electron/core/paths';
import { tempDir } from '../support/core';

describe('migration 002: audit log', () => {
  it('upgrades a version-1 book with customers in it, keeping them and adding the log', () => {
    const dir = tempDir();
    const db = openDatabase(bookPath(dir));
    migrate(db, () => '', migrations.slice(0, 1));
    db.prepare("INSERT INTO customers (id, name, name_key, created_at, updated_at, last_seen_at) VALUES ('c1', 'Ada', 'ada', 'x', 'x', 'x')").run();
    db.close();
    const { db: upgraded, migration } = openBook(dir, { now: () => new Date('2026-11-23T00:00:00Z') });
    expect(migration.from).toBe(1);
    expect(migration.safetyCopy).toMatch(/regulars\.before-v\d+-from-v1-/);
    expect(schemaVersionOf(upgraded)).toBe(latestSchemaVersion);
    expect(upgraded.prepare('SELECT name FROM customers').pluck().all()).toEqual(['Ada']);
    expect(upgraded.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(0);
    upgraded.close();
  });
});
