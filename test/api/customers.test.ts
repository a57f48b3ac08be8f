import { describe, expect, it } from 'vitest';
import { callOk, freshCore } from '../support/core';

describe('customers through the registry', () => {
  it('creates a customer with normalised phones and finds it by the last 4 digits and by 2 Chinese characters', async () => {
    const core = freshCore();
    const created = await callOk(core, 'customers-create', { name: '王小明', phones: ['0912-345-678'], tags: ['VIP'] });
    expect(created.phones).toEqual([{ display: '0912-345-678', e164: '+886912345678' }]);
    await callOk(core, 'customers-create', { name: '李大華', phones: ['0922 111 222'] });

    const byLast4 = await callOk(core, 'customers-search', { query: '5678' });
    expect(byLast4.rows.map((row) => row.name)).toEqual(['王小明']);
    const byTwoChars = await callOk(core, 'customers-search', { query: '王小' });
    expect(byTwoChars.rows.map((row) => row.name)).toEqual(['王小明']);
    const byOneChar = await callOk(core, 'customers-search', { query: '明' });
    expect(byOneChar.rows.map((row) => row.name)).toEqual(['王小明']);
    const byFullNumber = await callOk(core, 'customers-search', { query: '+886 912 345 678' });
    expect(byFullNumber.rows.map((row) => row.name)).toEqual(['王小明']);
    const byMiddleDigits = await callOk(core, 'customers-search', { query: '1112' });
    expect(byMiddleDigits.rows.map((row) => row.name)).toEqual(['李大華']);
  });

  it('matches Latin names regardless of case and accents', async () => {
    const core = freshCore();
    await callOk(core, 'customers-create', { name: 'José Müller' });
    await callOk(core, 'customers-create', { name: 'Li Wei' });
    for (const query of ['jose', 'MULLER', 'josé mü', 'Jo']) {
      const found = await callOk(core, 'customers-search', { query });
      expect(found.rows.map((row) => row.name), query).toEqual(['José Müller']);
    }
    const li = await callOk(core, 'customers-search', { query: 'li' });
    expect(li.rows.map((row) => row.name)).toEqual(['Li Wei']);
  });

  it('warns of duplicates by phone, e-mail and look-alike name', async () => {
    const core = freshCore();
    const existing = await callOk(core, 'customers-create', { name: '陳美玲', phones: ['0933 000 111'], email: 'Mei@Example.com' });
    const byPhone = await callOk(core, 'customers-find-duplicates', { name: '', phones: ['+886933000111'] });
    expect(byPhone).toMatchObject([{ customer: { id: existing.id }, reasons: ['phone'] }]);
    const byEmail = await callOk(core, 'customers-find-duplicates', { email: 'mei@example.com ' });
    expect(byEmail[0]?.reasons).toEqual(['email']);
    const byName = await callOk(core, 'customers-find-duplicates', { name: '陳美齡' });
    expect(byName[0]?.customer.id).toBe(existing.id);
    const unrelated = await callOk(core, 'customers-find-duplicates', { name: '林志明' });
    expect(unrelated).toEqual([]);
    const self = await callOk(core, 'customers-find-duplicates', { name: '陳美玲', excludeId: existing.id });
    expect(self).toEqual([]);
  });

  it('archives and unarchives; archived customers leave search unless asked for', async () => {
    const core = freshCore();
    const customer = await callOk(core, 'customers-create', { name: 'Ada Lovelace' });
    await callOk(core, 'customers-archive', { id: customer.id });
    expect((await callOk(core, 'customers-search', { query: 'ada' })).rows).toEqual([]);
    expect((await callOk(core, 'customers-search', { query: 'ada', includeArchived: true })).rows[0]?.archived).toBe(true);
    const again = await core.call('customers-archive', { id: customer.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    await callOk(core, 'customers-unarchive', { id: customer.id });
    expect((await callOk(core, 'customers-search', { query: 'ada' })).rows).toHaveLength(1);
  });
});

describe('duplicate warnings across ways of writing', () => {
  it('looks e-mails up by their index, not by reading every customer', async () => {
    const core = freshCore();
    const prepared: string[] = [];
    const prepare = core.db.prepare.bind(core.db);
    core.db.prepare = ((source: string) => {
      prepared.push(source);
      return prepare(source);
    }) as typeof core.db.prepare;
    await callOk(core, 'customers-find-duplicates', { email: 'mei@example.com' });
    const byEmail = prepared.filter((source) => /email_key = \?/.test(source) && /^\s*SELECT/i.test(source));
    expect(byEmail.length).toBeGreaterThan(0);
    for (const source of byEmail) {
      const plan = prepare(`EXPLAIN QUERY PLAN ${source}`).all('mei@example.com') as { detail: string }[];
      expect(plan.map((step) => step.detail).join('; '), source).toContain('USING INDEX customers_email_key');
    }
  });

  it('sees one line written locally and internationally, even where the shop country cannot read it', async () => {
    const core = freshCore({ systemLocales: ['en-US'] });
    const existing = await callOk(core, 'customers-create', { name: 'Mei', phones: ['0912-345-678'] });
    const found = await callOk(core, 'customers-find-duplicates', { phones: ['+886 912 345 678'] });
    expect(found.map((candidate) => candidate.customer.id)).toEqual([existing.id]);
    expect(await callOk(core, 'customers-find-duplicates', { phones: ['+886 912 999 678'] })).toEqual([]);
  });

  it('sees CJK names one character apart anywhere in the name', async () => {
    const core = freshCore();
    const existing = await callOk(core, 'customers-create', { name: '王小明' });
    await callOk(core, 'customers-create', { name: '王大同' });
    for (const name of ['王曉明', '汪小明', '王小民', '王小明明']) {
      const found = await callOk(core, 'customers-find-duplicates', { name });
      expect(found.map((candidate) => candidate.customer.id), name).toEqual([existing.id]);
    }
  });
});
