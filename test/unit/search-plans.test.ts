import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/connection';
import { searchByFullText, searchByGram, searchByKeyPrefix } from '../../electron/core/customers/search-queries';
import { freshCore } from '../support/core';
import { statementsRunBy } from '../support/statements';

const planOf = (db: Db, sql: string, parameters: unknown[]): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as { detail: string }[]).map((row) => row.detail).join('\n');

describe('ranking the customers a search matched', () => {
  it('a one-word search carries no filter clause: SQLite would open its json_each for every candidate', () => {
    const db = openDatabase(freshCore().info.bookFile);
    const ran = statementsRunBy(db, 'all', () => {
      searchByGram(db, '陳', [], false, 51);
      searchByKeyPrefix(db, 'chen', false, 51);
    }).filter((sql) => sql.includes('ORDER BY last_seen_at'));
    expect(ran).toHaveLength(2);
    for (const sql of ran) expect(sql).not.toMatch(/json_each/);
    db.close();
  });

  it('a filtered search reads each candidate by its row id in the table, whose row holds the name key', () => {
    const db = openDatabase(freshCore().info.bookFile);
    const ran = statementsRunBy(db, 'all', () => searchByGram(db, '陳', ['明'], false, 51)).filter((sql) => sql.includes('ORDER BY last_seen_at'));
    expect(ran).toHaveLength(1);
    const plan = planOf(db, ran[0]!, ['陳', '["明"]', 51]);
    expect(plan).toMatch(/SEARCH c USING INTEGER PRIMARY KEY/);
    expect(plan).not.toMatch(/customers_active_rid_seen/);
    db.close();
  });

  it('a full-text word that matches more than a sort takes is walked against its matches read once, not a MATCH per customer passed', () => {
    const db = openDatabase(freshCore().info.bookFile);
    const add = db.prepare(
      'INSERT INTO customers (id, name, name_key, email, email_key, notes, search_phones, created_at, updated_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    // 3,200 Alices (more than the 3,000 a sort takes) among as many others, each seen at its own minute.
    db.transaction(() => {
      for (let index = 0; index < 6400; index += 1) {
        const name = index % 2 === 0 ? `Alice ${index}` : `Bob ${index}`;
        const seen = new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString();
        add.run(`C${String(index).padStart(5, '0')}`, name, name.toLowerCase(), '', '', '', '', seen, seen, seen);
      }
    })();
    let found: { rid: number; lastSeenAt: string }[] = [];
    const ran = statementsRunBy(db, 'all', () => (found = searchByFullText(db, '"alice"', [], false, 51))).filter((sql) => sql.includes('ORDER BY last_seen_at'));
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatch(/c\.rid IN \(SELECT rowid FROM customers_fts WHERE customers_fts MATCH \?\)/);
    expect(ran[0]).not.toMatch(/EXISTS/);
    // The newest 51 Alices, newest first.
    const newest = db.prepare("SELECT rid FROM customers WHERE name LIKE 'Alice %' ORDER BY last_seen_at DESC LIMIT 51").pluck().all();
    expect(found.map((match) => match.rid)).toEqual(newest);
    db.close();
  });
});
