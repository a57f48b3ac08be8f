import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBook } from '../../electron/core/check';
import { seedBook } from '../../electron/core/seed/seed';
import { rebuildDerivedThrough } from '../../electron/core/derive';
import { callOk, freshCore, tempDir } from '../support/core';

const options = { customers: 200, visits: 2000, seed: 7, days: 365, now: new Date('2026-11-23T00:00:00Z') };

describe('seed', () => {
  it('creates exactly what was asked, reproducibly for the same seed', () => {
    const first = freshCore();
    const second = freshCore();
    const summary = seedBook(first.db, options);
    seedBook(second.db, options);
    expect(summary).toMatchObject({ customers: 200, visits: 2000, walkIns: 100, staff: 3 });
    const names = (core: typeof first) => core.db.prepare('SELECT name, visit_count, revenue_minor FROM customers ORDER BY rid').all();
    expect(names(first)).toEqual(names(second));
    expect(first.db.prepare("SELECT count(*) FROM visits WHERE kind = 'visit'").pluck().get()).toBe(2000);
  });

  it('makes a believable book: every customer has visits, some stopped coming, a few spend most', () => {
    const core = freshCore();
    seedBook(core.db, options);
    const rows = core.db.prepare('SELECT visit_count, revenue_minor, last_visit_at FROM customers').all() as {
      visit_count: number;
      revenue_minor: number;
      last_visit_at: string;
    }[];
    expect(rows.every((row) => row.visit_count >= 1)).toBe(true);
    const stale = rows.filter((row) => row.last_visit_at < '2026-08-01').length;
    expect(stale).toBeGreaterThan(10);
    const revenue = rows.map((row) => row.revenue_minor).sort((a, b) => b - a);
    const total = revenue.reduce((sum, value) => sum + value, 0);
    const topFifth = revenue.slice(0, rows.length / 5).reduce((sum, value) => sum + value, 0);
    expect(topFifth / total).toBeGreaterThan(0.4);
    const names = core.db.prepare('SELECT name FROM customers').pluck().all() as string[];
    expect(names.some((name) => /\p{Script=Han}/u.test(name))).toBe(true);
    expect(names.some((name) => /^[A-Za-zÀ-ÿ]+ [A-Za-zÀ-ÿ]+$/.test(name))).toBe(true);
  });

  it('leaves activity summaries exactly as a full recomputation would', () => {
    const core = freshCore();
    seedBook(core.db, options);
    const read = () => JSON.stringify(core.db.prepare('SELECT id, first_visit_at, last_visit_at, last_contact_at, last_seen_at, visit_count, revenue_minor FROM customers ORDER BY rid').all());
    const seeded = read();
    rebuildDerivedThrough({ db: core.db, now: () => new Date() }, 'activity');
    expect(read()).toBe(seeded);
  });
});

describe('check', () => {
  it('judges a seeded book sound', () => {
    const core = freshCore();
    seedBook(core.db, { ...options, customers: 50, visits: 300 });
    expect(checkBook(core.info.dataDir)).toMatchObject({ sound: true, problems: [], counts: { customers: 50, visits: 300 } });
  });

  it('reports a broken foreign key', () => {
    const core = freshCore();
    core.db.pragma('foreign_keys = OFF');
    core.db.prepare("INSERT INTO visits (id, customer_id, kind, occurred_at, channel, created_at) VALUES ('v1', 'ghost', 'visit', 'x', 'store', 'x')").run();
    const health = checkBook(core.info.dataDir);
    expect(health.sound).toBe(false);
    expect(health.problems.join('\n')).toMatch(/foreign key: visits/);
  });

  it('reports a search index out of step with the customers', () => {
    const core = freshCore();
    core.db.exec("DROP TRIGGER customers_fts_insert; INSERT INTO customers (id, name, name_key, created_at, updated_at, last_seen_at) VALUES ('c', 'x', 'x', 'x', 'x', 'x')");
    expect(checkBook(core.info.dataDir).problems).toEqual(['search index has 0 entries for 1 customers']);
  });

  it('reports a missing or damaged book', () => {
    expect(checkBook(tempDir()).sound).toBe(false);
    const dir = tempDir();
    writeFileSync(path.join(dir, 'regulars.db'), Buffer.alloc(8192, 7));
    expect(checkBook(dir)).toMatchObject({ sound: false, problems: [expect.stringMatching(/damaged or not a Regulars book|cannot open/)] });
  });
});

describe('seeded mess for the owner’s tools', () => {
  it('enters a few regulars twice, findable as duplicates, and archives a few', async () => {
    const core = freshCore();
    const summary = seedBook(core.db, options);
    expect(summary).toMatchObject({ duplicates: 2, archived: 2 });
    expect(core.db.prepare('SELECT count(*) FROM customers WHERE archived_at IS NOT NULL').pluck().get()).toBe(2);
    const international = core.db.prepare("SELECT customer_id FROM customer_phones WHERE display LIKE '+%'").pluck().all() as string[];
    expect(international).toHaveLength(2);
    for (const id of international) {
      const copy = await callOk(core, 'customers-get', { id });
      const found = await callOk(core, 'customers-find-duplicates', { name: copy.name, phones: copy.phones.map((phone) => phone.display), excludeId: id });
      expect(found.length).toBeGreaterThan(0);
    }
    expect(checkBook(core.info.dataDir).sound).toBe(true);
  });
});
