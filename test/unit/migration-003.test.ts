import { describe, expect, it } from 'vitest';
import { openBook } from '../../electron/core/book';
import { openDatabase } from '../../electron/core/db/connection';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { bookPath } from '../../electron/core/paths';
import { tempDir } from '../support/core';

describe('migration 003: search row derived from the customer row', () => {
  it('carries phones and tags of an existing book into the customer row and the index', () => {
    const dir = tempDir();
    const db = openDatabase(bookPath(dir));
    migrate(db, () => '', migrations.slice(0, 2));
    db.exec(`
      INSERT INTO customers (id, name, name_key, created_at, updated_at, last_seen_at) VALUES ('c1', '王小明', '王小明', 'x', 'x', 'x');
      INSERT INTO customer_phones (customer_id, position, display, match_key, national_reversed, search_digits)
        VALUES ('c1', 0, '0912-345-678', 'k1', '876543219', '0912345678 912345678'), ('c1', 1, '02 2345 6789', 'k2', '98765432', '0223456789');
      INSERT INTO customer_tags (customer_id, kind, position, value, value_key) VALUES ('c1', 'tag', 0, 'VIP', 'vip'), ('c1', 'interest', 1, '手沖咖啡', '手沖咖啡');
    `);
    db.close();

    const { db: upgraded } = openBook(dir, { now: () => new Date('2026-11-23T00:00:00Z') });
    expect(upgraded.prepare("SELECT search_phones, search_tags FROM customers WHERE id = 'c1'").get()).toEqual({
      search_phones: '0912345678 912345678 0223456789',
      search_tags: 'VIP 手沖咖啡',
    });
    const match = (query: string) => upgraded.prepare('SELECT count(*) FROM customers_fts WHERE customers_fts MATCH ?').pluck().get(query);
    for (const query of ['"王小明"', '"345678"', '"23456789"', '"vip"', '"手沖咖"']) expect(match(query), query).toBe(1);
    const triggers = upgraded.prepare("SELECT name FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'customers' AND name LIKE 'customers_fts%' ORDER BY name").pluck().all();
    expect(triggers).toEqual(['customers_fts_delete', 'customers_fts_insert', 'customers_fts_update']);
    upgraded.close();
  });
});
