import { describe, expect, it } from 'vitest';
import { openBook } from '../../electron/core/book';
import { openDatabase } from '../../electron/core/db/connection';
import { migrate, schemaVersionOf } from '../../electron/core/db/migrate';
import { latestSchemaVersion, migrations } from '../../electron/core/db/migrations';
import { bookPath } from '../../electron/core/paths';
import { callOk, freshCore, tempDir } from '../support/core';

describe('migration 004: owner PIN, merges, archive look-ups', () => {
  it('upgrades a version-3 book with customers in it: nothing lost, no PIN yet, so the app asks for setup', async () => {
    const dir = tempDir();
    const db = openDatabase(bookPath(dir));
    migrate(db, () => '', migrations.slice(0, 3));
    db.prepare("INSERT INTO customers (id, name, name_key, created_at, updated_at, last_seen_at, archived_at) VALUES ('c1', 'Ada', 'ada', 'x', 'x', 'x', 'y')").run();
    db.prepare("INSERT INTO audit_log (id, at, actor_role, action, entity, entity_id) VALUES ('a1', 'x', 'owner', 'customer.archive', 'customer', 'c1')").run();
    db.close();
    const { db: upgraded, migration } = openBook(dir, { now: () => new Date('2026-11-23T00:00:00Z') });
    expect(migration).toMatchObject({ from: 3, to: latestSchemaVersion });
    expect(schemaVersionOf(upgraded)).toBe(latestSchemaVersion);
    expect(upgraded.prepare('SELECT count(*) FROM owner_secrets').pluck().get()).toBe(0);
    expect(upgraded.prepare('SELECT count(*) FROM customer_merges').pluck().get()).toBe(0);
    upgraded.close();

    const core = freshCore({ dataDir: dir });
    expect(await callOk(core, 'session-get', {})).toMatchObject({ role: 'owner', ownerPinSet: false });
    expect((await callOk(core, 'archive-customers', {})).rows.map((row) => row.name)).toEqual(['Ada']);
    expect((await callOk(core, 'audit-list', { entityId: 'c1' })).entries).toHaveLength(1);
  });
});
