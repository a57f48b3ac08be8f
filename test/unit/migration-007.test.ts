import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection';
import { migrate, schemaVersionOf } from '../../electron/core/db/migrate';
import { latestSchemaVersion, migrations } from '../../electron/core/db/migrations';
import { bookPath } from '../../electron/core/paths';
import { callOk, freshCore, tempDir } from '../support/core';

describe('migration 007: referrals and the rewards ledger', () => {
  it('upgrades a version-6 book: its customers are untouched, none is referred yet, and links and rewards can be written', async () => {
    const dir = tempDir();
    const db = openDatabase(bookPath(dir));
    migrate(db, () => '', migrations.filter((migration) => migration.version <= 6));
    db.exec(`
      INSERT INTO customers (id, name, name_key, source, created_at, updated_at, last_seen_at)
        VALUES ('amy', 'Amy', 'amy', 'walk_in', '2026-01-01T00:00:00.000Z', 'x', 'x'), ('ben', 'Ben', 'ben', 'referral', '2026-02-01T00:00:00.000Z', 'x', 'x');
    `);
    db.close();

    const core = freshCore({ dataDir: dir });
    expect(schemaVersionOf(core.db)).toBe(latestSchemaVersion);
    expect(core.db.prepare('SELECT id, source FROM customers ORDER BY id').all()).toEqual([
      { id: 'amy', source: 'walk_in' },
      { id: 'ben', source: 'referral' },
    ]);
    expect((await callOk(core, 'referrals-tree', { id: 'ben' })).referredBy).toBeNull();
    expect(core.db.prepare("SELECT name FROM pragma_table_list WHERE strict = 1 AND name IN ('referrals', 'referral_rewards') ORDER BY name").pluck().all()).toEqual([
      'referral_rewards',
      'referrals',
    ]);
    // The book itself refuses a customer referring themselves, whatever writes it.
    expect(() => core.db.exec("INSERT INTO referrals (customer_id, referrer_id, referred_at, created_at, updated_at) VALUES ('amy', 'amy', 'x', 'x', 'x')")).toThrow(/CHECK/);
    await callOk(core, 'referrals-set', { customerId: 'ben', referrerId: 'amy' });
    expect((await callOk(core, 'referrals-tree', { id: 'amy' })).nodes.map((node) => node.name)).toEqual(['Ben']);
  });
});
