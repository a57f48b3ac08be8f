import { describe, expect, it } from 'vitest';
import { openBook } from '../../electron/core/book';
import { openDatabase } from '../../electron/core/db/connection';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { bookPath } from '../../electron/core/paths';
import { tempDir } from '../support/core';

describe('migration 013: spelled name keys', () => {
  it('fills the keys of the customers already in the book', () => {
    const dir = tempDir();
    const db = openDatabase(bookPath(dir));
    migrate(db, () => '', migrations.filter((migration) => migration.version < 13));
    const insert = db.prepare("INSERT INTO customers (id, name, name_key, created_at, updated_at, last_seen_at) VALUES (?, ?, '', 'x', 'x', 'x')");
    insert.run('c1', '林美華');
    insert.run('c2', "Patrick O'Brien");
    db.close();
    const { db: upgraded } = openBook(dir, { now: () => new Date('2026-12-05T00:00:00Z') });
    const keysOf = (id: string) =>
      upgraded.prepare('SELECT key FROM customer_name_keys WHERE customer_rid = (SELECT rid FROM customers WHERE id = ?) ORDER BY key').pluck().all(id);
    expect(keysOf('c1')).toEqual(['hua', 'linmeihua', 'lmh', 'meihua', 'mh']);
    expect(keysOf('c2')).toEqual(['brien', 'obrien', 'patrickobrien']);
    upgraded.close();
  });
});
