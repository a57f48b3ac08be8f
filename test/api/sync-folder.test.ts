import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core/core';
import { bookPath } from '../../electron/core/paths';
import { fetchJoinedBook, inviteDevice, joinDevice, storedConflicts, syncThroughFolder } from '../../electron/core/sync';
import { checkBook } from '../../electron/core/check';
import { callOk, tempDir } from '../support/core';
import { expectOk } from '../support/result';

const projectRoot = process.cwd();

const open = (dataDir: string): Core => openCore({ dataDir, transport: 'browser', authority: 'counter', systemLocales: ['zh-TW'], projectRoot });

/** What every device must agree on: the recorded facts and every figure derived from them. */
const agreed = (core: Core): string => {
  const rows = (sql: string) => core.db.prepare(sql).all();
  return JSON.stringify({
    customers: rows(`SELECT id, name, email, notes, archived_at, visit_count, revenue_minor, first_visit_at, last_visit_at, lapses_on, search_phones, search_tags FROM customers ORDER BY id`),
    phones: rows('SELECT customer_id, position, display, e164 FROM customer_phones ORDER BY customer_id, position'),
    tags: rows('SELECT customer_id, kind, position, value FROM customer_tags ORDER BY customer_id, kind, position'),
    visits: rows('SELECT id, customer_id, kind, occurred_at, amount_minor, archived_at FROM visits ORDER BY id'),
    loyalty: rows("SELECT customer_id, revenue_12m_minor, visits_12m, money_tier, points, tier, loyalty, quadrant FROM customer_loyalty ORDER BY customer_id"),
  });
};

const sync = async (dataDir: string, folder: string) =>
  expectOk(await syncThroughFolder({ bookFile: bookPath(dataDir), folder, projectRoot, now: () => new Date() }));

/** A device joining: the invitation, then its first sync fetches the book. */
const join = (code: string, folder: string): string => {
  const dataDir = tempDir('regulars-sync-');
  const empty = open(dataDir);
  expectOk(joinDevice(empty.db, bookPath(dataDir), code));
  empty.close();
  expectOk(fetchJoinedBook({ bookFile: bookPath(dataDir), folder, projectRoot }));
  return dataDir;
};

describe('one book on three devices through a shared folder', () => {
  it('merges edits made apart: different fields, the same field (both values kept), new customers and visits on each', async () => {
    const folder = tempDir('regulars-folder-');
    const dirA = tempDir('regulars-sync-');
    let a = open(dirA);
    const mei = await callOk(a, 'customers-create', { name: '林美華', phones: ['0912 345 678'], tags: ['VIP'], notes: '燕麥拿鐵' });
    await callOk(a, 'visits-log', { customerId: mei.id, amountMinor: 12000 });
    const code = inviteDevice(a.db, bookPath(dirA));
    await sync(dirA, folder);
    const dirB = join(code, folder);
    const dirC = join(code, folder);
    let b = open(dirB);
    let c = open(dirC);
    try {
      expect(agreed(b)).toBe(agreed(a));
      // Apart: A and C both change the notes; B gives an e-mail and a second phone; each logs a visit; C adds a customer.
      const fields = { name: '林美華', phones: ['0912 345 678'], tags: ['VIP'], notes: '燕麥拿鐵' };
      await callOk(a, 'customers-update', { id: mei.id, fields: { ...fields, notes: '少冰' } });
      await callOk(b, 'customers-update', { id: mei.id, fields: { ...fields, email: 'mei@example.com', phones: ['0912 345 678', '02 2345 6789'] } });
      await callOk(c, 'customers-update', { id: mei.id, fields: { ...fields, notes: '不要糖' } });
      await callOk(a, 'visits-log', { customerId: mei.id, amountMinor: 8000 });
      await callOk(b, 'visits-log', { customerId: mei.id, amountMinor: 5000 });
      const newcomer = await callOk(c, 'customers-create', { name: 'Ada Lovelace', phones: ['0922 111 222'] });
      await callOk(c, 'visits-log', { customerId: newcomer.id, amountMinor: 3000 });
      for (const dir of [dirC, dirA, dirB, dirC, dirA]) await sync(dir, folder);
      for (const core of [a, b, c]) core.close();
      [a, b, c] = [open(dirA), open(dirB), open(dirC)];
      expect(agreed(b)).toBe(agreed(a));
      expect(agreed(c)).toBe(agreed(a));
      const merged = await callOk(b, 'customers-get', { id: mei.id });
      expect(merged.email).toBe('mei@example.com');
      expect(merged.phones.map((phone) => phone.display)).toEqual(['0912 345 678', '02 2345 6789']);
      expect(merged.visitCount).toBe(3);
      expect(['少冰', '不要糖']).toContain(merged.notes);
      for (const core of [a, b, c]) {
        const conflicts = storedConflicts(core.db);
        expect(conflicts.map((conflict) => [conflict.tbl, conflict.row_key, conflict.col])).toEqual([['customers', mei.id, 'notes']]);
        expect((JSON.parse(conflicts[0]!.values_json) as { value: string }[]).map((cell) => cell.value).sort()).toEqual(['不要糖', '少冰']);
      }
      expect((await callOk(a, 'customers-search', { query: 'Ada' })).rows.map((row) => row.name)).toEqual(['Ada Lovelace']);
      for (const dir of [dirA, dirB, dirC]) expect(checkBook(dir, projectRoot).problems).toEqual([]);
    } finally {
      for (const core of [a, b, c]) core.close();
      for (const dir of [folder, dirA, dirB, dirC]) rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves a book never shared exactly as before: no capture, nothing noted', async () => {
    const dir = tempDir('regulars-sync-');
    const core = open(dir);
    try {
      await callOk(core, 'customers-create', { name: 'Grace Hopper' });
      expect(core.db.prepare("SELECT count(*) FROM sqlite_temp_schema WHERE type = 'trigger'").pluck().get()).toBe(0);
      expect(core.db.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(0);
    } finally {
      core.close();
      rmSync(path.join(dir), { recursive: true, force: true });
    }
  });
});
