import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { seedBook } from '../../electron/core/seed/seed';
import { callOk, freshCore, tempDir } from '../support/core';
import { importPlanOf } from '../support/result';
import { asUtf8Bom, taiwanPosExport } from '../support/spreadsheets';

type Core = ReturnType<typeof freshCore>;

const names = async (core: Core, query: string) => (await callOk(core, 'customers-search', { query })).rows.map((row) => row.name).sort();

describe('searching names by how they are spelled', () => {
  it('finds Chinese names by pinyin with or without spaces and by initials, in Traditional and Simplified characters', async () => {
    const core = freshCore();
    await callOk(core, 'customers-create', { name: '林美華' });
    await callOk(core, 'customers-create', { name: '陈大文' });
    await callOk(core, 'customers-create', { name: 'Lindsay Moore' });
    expect(await names(core, 'lmh')).toEqual(['林美華']);
    expect(await names(core, 'linmeihua')).toEqual(['林美華']);
    expect(await names(core, 'lin mei')).toEqual(['林美華']);
    expect(await names(core, 'cdw')).toEqual(['陈大文']);
    expect(await names(core, 'chen da')).toEqual(['陈大文']);
    // Spelled keys add to what the name's letters find, they do not replace it.
    expect(await names(core, 'lin')).toEqual(['Lindsay Moore', '林美華']);
  });

  it('ignores punctuation in Latin names and finds emoji', async () => {
    const core = freshCore();
    await callOk(core, 'customers-create', { name: "Patrick O'Brien" });
    await callOk(core, 'customers-create', { name: 'Mary-Ann Lee' });
    await callOk(core, 'customers-create', { name: 'Mary Ann Chu' });
    await callOk(core, 'customers-create', { name: 'Amy 🌸' });
    expect(await names(core, 'obrien')).toEqual(["Patrick O'Brien"]);
    expect(await names(core, 'maryann')).toEqual(['Mary Ann Chu', 'Mary-Ann Lee']);
    expect(await names(core, 'mary ann')).toEqual(['Mary Ann Chu', 'Mary-Ann Lee']);
    expect(await names(core, '🌸')).toEqual(['Amy 🌸']);
  });

  it('keeps the keys in step with the name through edits, merges and their undo, and removes them with the customer', async () => {
    const core = freshCore();
    const customer = await callOk(core, 'customers-create', { name: '林美華' });
    await callOk(core, 'customers-update', { id: customer.id, fields: { name: '陳大文' } });
    expect(await names(core, 'lmh')).toEqual([]);
    expect(await names(core, 'cdw')).toEqual(['陳大文']);

    const other = await callOk(core, 'customers-create', { name: '王小明' });
    const merged = await callOk(core, 'customers-merge', { survivorId: customer.id, absorbedId: other.id, fields: { name: '陳大文' } });
    expect(await names(core, 'wxm')).toEqual([]);
    await callOk(core, 'customers-merge-undo', { mergeId: merged.merge.id });
    expect(await names(core, 'wxm')).toEqual(['王小明']);

    await callOk(core, 'customers-archive', { id: other.id });
    await callOk(core, 'customers-purge', { id: other.id });
    expect(core.db.prepare('SELECT count(*) FROM customer_name_keys WHERE customer_rid NOT IN (SELECT rid FROM customers)').pluck().get()).toBe(0);
  });

  it('fills the keys of imported customers', async () => {
    const core = freshCore();
    const file = path.join(tempDir('regulars-import-'), 'pos.csv');
    writeFileSync(file, asUtf8Bom(taiwanPosExport));
    const analysis = await callOk(core, 'import-analyse', { source: { kind: 'path', path: file } });
    await callOk(core, 'import-commit', importPlanOf({ kind: 'path', path: file }, analysis));
    expect(await names(core, 'zjh')).toEqual(['張家豪']);
    expect(await names(core, 'huang shu')).toEqual(['黃淑芬']);
  });

  it('lists the most recently seen first whether a key matches a few customers or thousands', async () => {
    const core = freshCore();
    const insert = core.db.prepare("INSERT INTO customers (id, name, name_key, created_at, updated_at, last_seen_at, archived_at) VALUES (?, ?, '', 'x', 'x', ?, ?)");
    const key = core.db.prepare('INSERT INTO customer_name_keys (key, customer_rid) VALUES (?, ?)');
    core.db.transaction(() => {
      for (let index = 0; index < 3200; index += 1) {
        const seen = new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString();
        const { lastInsertRowid } = insert.run(`c${index}`, `陳${index}`, seen, index % 2 === 0 ? null : seen);
        for (const spelled of ['chen', ...(index < 10 ? ['chenmei'] : [])]) key.run(spelled, Number(lastInsertRowid));
      }
    })();
    const firstNames = async (query: string, includeArchived = false) =>
      (await callOk(core, 'customers-search', { query, limit: 3, includeArchived })).rows.map((row) => row.name);
    // 3,200 customers start with "chen": the newest active ones, not the first found.
    expect(await firstNames('chen')).toEqual(['陳3198', '陳3196', '陳3194']);
    expect(await firstNames('chen', true)).toEqual(['陳3199', '陳3198', '陳3197']);
    // Ten start with "chenmei".
    expect(await firstNames('chen mei')).toEqual(['陳8', '陳6', '陳4']);
    expect(await firstNames('chenmei', true)).toEqual(['陳9', '陳8', '陳7']);
  });

  it('fills the keys of a seeded book', () => {
    const core = freshCore();
    seedBook(core.db, { customers: 200, visits: 400, seed: 3, days: 365, now: new Date('2026-11-23T00:00:00Z') });
    const withoutKeys = core.db.prepare('SELECT count(*) FROM customers WHERE rid NOT IN (SELECT customer_rid FROM customer_name_keys)').pluck().get();
    expect(withoutKeys).toBe(0);
  });
});
