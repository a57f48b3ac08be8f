import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BookOpenError, openBook } from '../../electron/core/book';
import { openDatabase } from '../../electron/core/db/connection';
import { migrate, NewerBookError, schemaVersionOf } from '../../electron/core/db/migrate';
import { latestSchemaVersion, migrations } from '../../electron/core/db/migrations';
import type { Migration } from '../../electron/core/db/migrations/types';
import { tempDir } from '../support/core';

const now = () => new Date('2026-11-23T10:00:00Z');

describe('migrations', () => {
  it('numbers migrations in strictly increasing order, ending at the latest version', () => {
    migrations.forEach((migration, index) => expect(migration.version).toBeGreaterThan(migrations[index - 1]?.version ?? 0));
    expect(latestSchemaVersion).toBe(migrations.at(-1)?.version);
  });

  it('creates a new book at the latest schema with the pragmas the data rules require', () => {
    const { db, migration } = openBook(tempDir(), { now });
    expect(migration).toEqual({ from: 0, to: latestSchemaVersion, safetyCopy: null });
    expect(schemaVersionOf(db)).toBe(latestSchemaVersion);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const strictTables = db.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND strict = 1").pluck().all();
    expect(strictTables).toEqual(expect.arrayContaining(['customers', 'visits', 'staff', 'settings', 'customer_phones', 'satisfaction_answers']));
    db.close();
  });

  it('001: keeps the full-text index in step with customers, phones and tags', () => {
    const { db } = openBook(tempDir(), { now });
    db.prepare(
      "INSERT INTO customers (id, name, name_key, created_at, updated_at, last_seen_at) VALUES ('c1', 'Ada Lovelace', 'adalovelace', 'x', 'x', 'x')",
    ).run();
    db.prepare(
      "INSERT INTO customer_phones (customer_id, position, display, match_key, national_reversed, search_digits) VALUES ('c1', 0, '0912', 'k', '2190', '0912345678')",
    ).run();
    db.prepare("INSERT INTO customer_tags (customer_id, kind, position, value, value_key) VALUES ('c1', 'tag', 0, 'Regular', 'regular')").run();
    const match = (query: string) => db.prepare('SELECT count(*) FROM customers_fts WHERE customers_fts MATCH ?').pluck().get(query);
    expect(match('"lovelace"')).toBe(1);
    expect(match('"2345"')).toBe(1);
    expect(match('"regular"')).toBe(1);
    db.prepare("UPDATE customers SET name = 'Ada Byron' WHERE id = 'c1'").run();
    expect(match('"lovelace"')).toBe(0);
    expect(match('"byron"')).toBe(1);
    db.prepare("DELETE FROM customer_phones WHERE customer_id = 'c1'").run();
    expect(match('"2345"')).toBe(0);
    db.prepare("DELETE FROM customers WHERE id = 'c1'").run();
    expect(db.prepare('SELECT count(*) FROM customers_fts').pluck().get()).toBe(0);
    db.close();
  });

  it('refuses a book written by a newer app, with a translated error value', () => {
    const dir = tempDir();
    const { db } = openBook(dir, { now });
    db.pragma(`user_version = ${latestSchemaVersion + 1}`);
    db.close();
    expect(() => openBook(dir, { now })).toThrow(BookOpenError);
    try {
      openBook(dir, { now });
    } catch (caught) {
      expect((caught as BookOpenError).error).toMatchObject({
        code: 'BOOK_NEWER_VERSION',
        details: { bookVersion: latestSchemaVersion + 1, appVersion: latestSchemaVersion },
      });
    }
  });

  it('refuses a file that is not a book, and leaves it untouched', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'regulars.db'), 'this is a spreadsheet, not a database'.repeat(200));
    expect(() => openBook(dir, { now })).toThrow(expect.objectContaining({ error: expect.objectContaining({ code: 'BOOK_CORRUPT' }) }));
  });

  describe('upgrading an existing book', () => {
    const v1: Migration = { version: 1, name: 'one', up: (db) => db.exec('CREATE TABLE notes (text TEXT) STRICT') };
    const v2: Migration = { version: 2, name: 'two', up: (db) => db.exec('ALTER TABLE notes ADD COLUMN author TEXT') };
    const broken: Migration = {
      version: 2,
      name: 'broken',
      up: (db) => {
        db.exec('ALTER TABLE notes ADD COLUMN author TEXT');
        throw new Error('half-way');
      },
    };

    it('takes a safety copy first, then upgrades in one step', () => {
      const dir = tempDir();
      const db = openDatabase(path.join(dir, 'book.db'));
      migrate(db, () => path.join(dir, 'unused.db'), [v1]);
      db.prepare("INSERT INTO notes VALUES ('keep me')").run();
      const outcome = migrate(db, (from, to) => path.join(dir, `copy-${from}-${to}.db`), [v1, v2]);
      expect(outcome).toEqual({ from: 1, to: 2, safetyCopy: path.join(dir, 'copy-1-2.db') });
      const copy = openDatabase(outcome.safetyCopy!, { readonly: true });
      expect(schemaVersionOf(copy)).toBe(1);
      expect(copy.prepare('SELECT text FROM notes').pluck().all()).toEqual(['keep me']);
      copy.close();
      expect(db.prepare('SELECT author FROM notes').pluck().all()).toEqual([null]);
      db.close();
    });

    it('rolls a failed upgrade back completely', () => {
      const dir = tempDir();
      const db = openDatabase(path.join(dir, 'book.db'));
      migrate(db, () => '', [v1]);
      expect(() => migrate(db, () => path.join(dir, 'copy.db'), [v1, broken])).toThrow('half-way');
      expect(schemaVersionOf(db)).toBe(1);
      expect(db.prepare("SELECT count(*) FROM pragma_table_info('notes') WHERE name = 'author'").pluck().get()).toBe(0);
      expect(existsSync(path.join(dir, 'copy.db'))).toBe(true);
      db.close();
    });

    it('does not copy a brand-new book', () => {
      const dir = tempDir();
      const db = openDatabase(path.join(dir, 'book.db'));
      migrate(db, () => path.join(dir, 'copy.db'), [v1, v2]);
      expect(readdirSync(dir).filter((name) => name.startsWith('copy'))).toEqual([]);
      db.close();
    });

    it('refuses to go backwards', () => {
      const db = openDatabase(path.join(tempDir(), 'book.db'));
      migrate(db, () => '', [v1, v2]);
      expect(() => migrate(db, () => '', [v1])).toThrow(NewerBookError);
      db.close();
    });
  });
});
