import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catchUpDerived } from '../../electron/core/derive';
import { callOk, fixedClock, freshCore, tempDir } from '../support/core';
import { importPlanOf } from '../support/result';

type Core = ReturnType<typeof freshCore>;

const fixture = (name: string): string => path.join(import.meta.dirname, '..', 'fixtures', 'import', name);

const importFixture = async (core: Core, name: string) => {
  const source = { kind: 'path' as const, path: fixture(name) };
  const analysis = await callOk(core, 'import-analyse', { source });
  const plan = importPlanOf(source, analysis);
  const preview = await callOk(core, 'import-preview', plan);
  const outcome = await callOk(core, 'import-commit', plan);
  return { analysis, preview, outcome };
};

const customerNamed = async (core: Core, query: string) => {
  const [hit] = (await callOk(core, 'customers-search', { query })).rows;
  return callOk(core, 'customers-get', { id: hit!.id });
};

const historyEntries = async (core: Core, id: string) =>
  (await callOk(core, 'customers-timeline', { id })).items.filter((item) => item.kind === 'imported_history');

describe('history brought from summary columns', () => {
  it('a Square export: visits, spend, first and last visit count for the customer, as one labelled timeline entry', async () => {
    const core = freshCore({ systemLocales: ['en-US'] });
    await callOk(core, 'settings-update', { country: 'US', currency: 'USD', timeZone: 'America/Los_Angeles' });
    const { analysis, preview, outcome } = await importFixture(core, 'square-customers.csv');
    expect(analysis.columns.filter((column) => column.target.startsWith('history')).map((column) => [column.header, column.target])).toEqual([
      ['First Visit', 'historyFirstVisit'],
      ['Last Visit', 'historyLastVisit'],
      ['Transaction Count', 'historyVisitCount'],
      ['Lifetime Spend', 'historySpent'],
    ]);
    expect(preview.totals).toMatchObject({ newCustomers: 2, invalidRows: 0, histories: 2 });
    expect(preview.rows[0]?.history).toMatchObject({ visitCount: 37, revenueMinor: 120_450 });
    expect(outcome).toMatchObject({ created: 2, histories: 2 });

    const maya = await customerNamed(core, 'Okafor');
    // Square's 0000-07-04 is a birthday without a year.
    expect(maya.birthday).toEqual({ month: 7, day: 4, year: null });
    expect(maya).toMatchObject({ visitCount: 37, revenueMinor: 120_450, firstVisitAt: '2025-01-04T08:00:00.000Z', lastVisitAt: '2026-10-30T07:00:00.000Z' });
    const [entry] = await historyEntries(core, maya.id);
    expect(entry).toMatchObject({ history: { sourceName: 'square-customers.csv', visitCount: 37, revenueMinor: 120_450 } });

    // A visit logged afterwards adds to the imported figures.
    await callOk(core, 'visits-log', { customerId: maya.id, amountMinor: 550, occurredAt: '2026-11-02T18:00:00.000Z' });
    expect(await callOk(core, 'customers-get', { id: maya.id })).toMatchObject({ visitCount: 38, revenueMinor: 121_000, lastVisitAt: '2026-11-02T18:00:00.000Z' });

    // The customers export shows the customer's whole history.
    const [file] = await callOk(core, 'export-run', { what: 'customers', format: 'json', folder: tempDir(), fileName: 'customers.json' });
    const exported = readFileSync(file!.path, 'utf8');
    expect(exported).toContain('"visitCount":38');
    expect(exported).toContain('"revenueMinor":121000');
  });

  it('a Loyverse export: total visits, total spent and points balance', async () => {
    const core = freshCore({ systemLocales: ['en-GB'] });
    await callOk(core, 'settings-update', { country: 'GB', currency: 'GBP', timeZone: 'Europe/London' });
    const { outcome } = await importFixture(core, 'loyverse-customers.csv');
    expect(outcome).toMatchObject({ created: 2, histories: 2, skippedInvalid: 0 });
    const lena = await customerNamed(core, 'Fischer');
    expect(lena).toMatchObject({ visitCount: 48, revenueMinor: 61_240, firstVisitAt: '2024-05-01T23:00:00.000Z' });
    expect(lena.notes).not.toContain('Points');
    const [entry] = await historyEntries(core, lena.id);
    expect(entry).toMatchObject({ history: { points: 61 } });
  });

  it("a Loyverse export: the tier, the trailing year's spend and visits (RFM) count the imported history's part in the last 12 months", async () => {
    // Lena: 48 visits and £612.40 from 2 May 2024 to 20 Nov 2026; Omar: one visit of £4.20 on 1 Sep 2026.
    const clock = fixedClock('2026-12-07T12:00:00.000Z');
    const core = freshCore({ systemLocales: ['en-GB'], now: clock.now });
    await callOk(core, 'settings-update', { country: 'GB', currency: 'GBP', timeZone: 'Europe/London' });
    await importFixture(core, 'loyverse-customers.csv');
    const lena = await customerNamed(core, 'Fischer');
    const omar = await customerNamed(core, 'Haddad');
    // The span's part since 7 Dec 2025 (348 of its 932 days and an hour, London midnights) of £612.40 and 48 visits.
    const lenaLoyalty = await callOk(core, 'loyalty-customer', { id: lena.id });
    expect(lenaLoyalty).toMatchObject({ revenue12mMinor: 22_865, visits12m: 18, moneyTier: 'key', tier: 'key', rank: 1 });
    expect(lenaLoyalty.rfm).toMatchObject({ frequency12m: 18, monetary12mMinor: 22_865 });
    // One visit in the trailing year counts whole: a spender, ranked below Lena.
    expect(await callOk(core, 'loyalty-customer', { id: omar.id })).toMatchObject({ revenue12mMinor: 420, visits12m: 1 });
    // The list's tier filter and the dashboard's tier counts say the same.
    expect((await callOk(core, 'customers-list', { tier: 'key' })).rows.map((row) => row.name)).toEqual(['Lena Fischer']);
    const dashboard = await callOk(core, 'loyalty-dashboard', { fromMonth: '2026-12', toMonth: '2026-12', sections: ['tiers_over_time'] });
    const [tiersSection] = dashboard.sections;
    expect(tiersSection?.data).toMatchObject({ shape: 'periods', rows: [{ period: '2026-12', values: { key: 1 } }] });
    // A full rebuild leaves the same figures as the import's pass.
    await callOk(core, 'loyalty-recompute', {});
    expect(await callOk(core, 'loyalty-customer', { id: lena.id })).toMatchObject({ revenue12mMinor: 22_865, visits12m: 18, tier: 'key' });

    // A book the previous version tiered (no spending, no cut-offs) is tiered again when it is opened.
    core.db.exec(`UPDATE customer_loyalty SET revenue_12m_minor = 0, visits_12m = 0, money_tier = 'small', tier = 'small'`);
    core.db.exec(`UPDATE settings SET value = 'null' WHERE key = 'state.loyalty.cutoffs'`);
    core.db.exec(`UPDATE settings SET value = json_set(value, '$.loyalty.version', 1) WHERE key = 'state.derive.bases'`);
    catchUpDerived({ db: core.db, now: clock.now });
    expect(await callOk(core, 'loyalty-customer', { id: lena.id })).toMatchObject({ revenue12mMinor: 22_865, tier: 'key' });
  });

  it("a Loyverse export: the 80/20 curve counts each history's part in the months shown, and follows the customer archived and back", async () => {
    const clock = fixedClock('2026-12-07T12:00:00.000Z');
    const core = freshCore({ systemLocales: ['en-GB'], now: clock.now });
    await callOk(core, 'settings-update', { country: 'GB', currency: 'GBP', timeZone: 'Europe/London' });
    await importFixture(core, 'loyverse-customers.csv');
    const curve = async () => {
      const dashboard = await callOk(core, 'loyalty-dashboard', { fromMonth: '2025-12', toMonth: '2026-11', sections: ['pareto'] });
      return dashboard.sections[0]?.data;
    };
    // Lena's £612.40 spread over 2 May 2024 – 20 Nov 2026 (932 days and an hour, London midnights):
    // 354 of them fall from 1 Dec 2025 on, £232.60. Omar's one visit of £4.20 on 1 Sep 2026 counts whole.
    expect(await curve()).toMatchObject({ shape: 'pareto', spenders: 2, revenueMinor: 23_260 + 420 });
    const lena = await customerNamed(core, 'Fischer');
    await callOk(core, 'customers-archive', { id: lena.id });
    expect(await curve()).toMatchObject({ spenders: 1, revenueMinor: 420 });
    await callOk(core, 'customers-unarchive', { id: lena.id });
    expect(await curve()).toMatchObject({ spenders: 2, revenueMinor: 23_680 });
  });

  it('a mainland membership export: 累计消费金额 "¥6,880.00", 消费次数, 最近消费时间, 会员等级, 积分', async () => {
    const core = freshCore({ systemLocales: ['zh-CN'] });
    await callOk(core, 'settings-update', { country: 'CN', currency: 'CNY', timeZone: 'Asia/Shanghai' });
    const { outcome } = await importFixture(core, 'mainland-members.csv');
    expect(outcome).toMatchObject({ created: 2, histories: 2, skippedInvalid: 0 });
    const wang = await customerNamed(core, '王小明');
    expect(wang).toMatchObject({ visitCount: 42, revenueMinor: 688_000, lastVisitAt: '2026-11-28T11:05:00.000Z', tags: ['咖啡', '甜点'] });
    expect(wang.phones[0]).toMatchObject({ e164: '+8618698765432' });
    const [entry] = await historyEntries(core, wang.id);
    expect(entry).toMatchObject({ history: { memberLevel: '金卡', points: 5200 } });
  });

  it('a merge gives the history to the survivor; undoing the import takes it all back', async () => {
    const core = freshCore({ systemLocales: ['en-US'] });
    await callOk(core, 'settings-update', { country: 'US', currency: 'USD', timeZone: 'America/Los_Angeles' });
    const before = await callOk(core, 'customers-create', { name: 'Maya O.', phones: ['+1 415-555-9999'] });
    const { outcome } = await importFixture(core, 'square-customers.csv');
    expect(outcome.created).toBe(2);
    const maya = await customerNamed(core, 'Okafor');
    await callOk(core, 'customers-merge', { survivorId: before.id, absorbedId: maya.id, fields: { name: 'Maya Okafor', phones: ['+1 415-555-9999'] } });
    expect(await callOk(core, 'customers-get', { id: before.id })).toMatchObject({ visitCount: 37, revenueMinor: 120_450 });
    expect(await historyEntries(core, before.id)).toHaveLength(1);

    // The merged customer was the import's: it cannot be undone without losing the merge.
    const [run] = await callOk(core, 'import-runs', {});
    expect(run).toMatchObject({ fileName: 'square-customers.csv', customers: 2, histories: 2, changedSince: { count: 1 } });
    const refused = await core.call('import-undo', { id: run!.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', details: { reason: 'import_changed_since' } } });
  });

  it('undoing an import removes the customers, visits and histories it brought, and only those', async () => {
    const core = freshCore({ systemLocales: ['en-US'] });
    await callOk(core, 'settings-update', { country: 'US', currency: 'USD', timeZone: 'America/Los_Angeles' });
    const kept = await callOk(core, 'customers-create', { name: 'Kept Customer', phones: ['+1 415-555-7777'] });
    await importFixture(core, 'square-customers.csv');
    const [run] = await callOk(core, 'import-runs', {});
    expect(run?.changedSince.count).toBe(0);
    const undone = await callOk(core, 'import-undo', { id: run!.id });
    expect(undone.undoneAt).not.toBeNull();
    expect(core.db.prepare('SELECT name FROM customers').pluck().all()).toEqual([kept.name]);
    expect(core.db.prepare('SELECT count(*) FROM imported_histories').pluck().get()).toBe(0);
    expect(core.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'import.%' ORDER BY rowid").pluck().all()).toEqual(['import.commit', 'import.undo']);
    expect(await core.call('import-undo', { id: run!.id })).toMatchObject({ ok: false, error: { details: { reason: 'import_undone' } } });
  });
});

describe('contact and shop exports, as their tools document them', () => {
  it('Google Contacts: phonetic names are not phones, labels become tags without the system ones, --MM-DD birthdays', async () => {
    const core = freshCore();
    await callOk(core, 'settings-update', { country: 'TW', timeZone: 'Asia/Taipei' });
    const { analysis, outcome } = await importFixture(core, 'google-contacts.csv');
    const targetOf = (header: string) => analysis.columns.find((column) => column.header === header)?.target;
    expect(['Phonetic First Name', 'Phonetic Middle Name', 'Phonetic Last Name'].map(targetOf)).toEqual(['ignore', 'ignore', 'ignore']);
    expect(targetOf('Labels')).toBe('tags');
    expect(outcome).toMatchObject({ created: 2, skippedInvalid: 0 });
    const wang = await customerNamed(core, '0922123456');
    expect(wang).toMatchObject({ name: '王大同', birthday: { month: 7, day: 4, year: null }, tags: ['Friends'] });
    const ada = await customerNamed(core, 'Lovelace');
    expect(ada.tags).toEqual(['Book club']);
    expect(ada.phones).toHaveLength(2);
  });

  it('Outlook: 0/0/00 is no date, Yomi names are not phones, Categories become tags', async () => {
    const core = freshCore({ systemLocales: ['en-US'] });
    await callOk(core, 'settings-update', { country: 'JP', timeZone: 'Asia/Tokyo' });
    const { analysis, outcome } = await importFixture(core, 'outlook-contacts.csv');
    const targetOf = (header: string) => analysis.columns.find((column) => column.header === header)?.target;
    expect([targetOf('Given Yomi'), targetOf('Surname Yomi'), targetOf('Categories')]).toEqual(['ignore', 'ignore', 'tags']);
    expect(outcome).toMatchObject({ created: 2, skippedInvalid: 0 });
    const hanako = await customerNamed(core, 'hanako');
    expect(hanako).toMatchObject({ name: '山田花子', birthday: null, tags: ['Regulars', 'VIP'] });
  });

  it('Shopify: ids and phones with a leading apostrophe, tags in one cell, total spent and orders, a CJK name in the right order', async () => {
    const core = freshCore();
    await callOk(core, 'settings-update', { country: 'TW', timeZone: 'Asia/Taipei' });
    const { outcome } = await importFixture(core, 'shopify-customers.csv');
    expect(outcome).toMatchObject({ created: 2, skippedInvalid: 0, histories: 1 });
    const lin = await customerNamed(core, 'meihua');
    expect(lin).toMatchObject({ name: '林美華', tags: ['VIP', '咖啡豆'], visitCount: 6, consentToContact: true });
    expect(lin.phones[0]).toMatchObject({ e164: '+886912345678' });
  });
});
