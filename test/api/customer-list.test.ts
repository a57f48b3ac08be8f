import { describe, expect, it } from 'vitest';
import { callOk, fixedClock, freshCore } from '../support/core';

type Core = ReturnType<typeof freshCore>;

const names = async (core: Core, input: Record<string, unknown>) => (await callOk(core, 'customers-list', input)).rows.map((row) => row.name);

/** Three regulars and a newcomer: Amy came most and spent most, Ben came last, Cleo stopped coming, Dora never came. */
const book = async () => {
  const clock = fixedClock('2026-06-01T02:00:00.000Z');
  const core = freshCore({ now: clock.now });
  await callOk(core, 'settings-update', { timeZone: 'Asia/Taipei' });
  const amy = await callOk(core, 'customers-create', { name: 'Amy', tags: ['VIP'] });
  const ben = await callOk(core, 'customers-create', { name: 'Ben', tags: ['vip', 'Student'] });
  const cleo = await callOk(core, 'customers-create', { name: 'Cleo' });
  await callOk(core, 'customers-create', { name: 'Dora', tags: ['Student'] });
  const visit = async (customerId: string, day: string, amountMinor: number) => {
    clock.set(`${day}T02:00:00.000Z`);
    await callOk(core, 'visits-log', { customerId, amountMinor });
  };
  for (const day of ['2026-06-01', '2026-06-08', '2026-06-15', '2026-11-20', '2026-11-27']) await visit(amy.id, day, 50000);
  await visit(cleo.id, '2026-06-02', 1000);
  await visit(cleo.id, '2026-06-09', 1000);
  await visit(ben.id, '2026-12-01', 3000);
  clock.set('2026-12-05T02:00:00.000Z');
  return core;
};

describe('the customer list', () => {
  it('sorts by last visit, visits and spend, with customers who never came last and shown as never', async () => {
    const core = await book();
    expect(await names(core, { sort: 'lastVisit' })).toEqual(['Ben', 'Amy', 'Cleo', 'Dora']);
    expect(await names(core, { sort: 'visits' })).toEqual(['Amy', 'Cleo', 'Ben', 'Dora']);
    expect(await names(core, { sort: 'spend' })).toEqual(['Amy', 'Ben', 'Cleo', 'Dora']);
    const dora = (await callOk(core, 'customers-list', { sort: 'lastVisit' })).rows[3]!;
    expect(dora).toMatchObject({ name: 'Dora', lastVisitAt: null, visitCount: 0, revenueMinor: 0 });
    // Pages do not overlap.
    const first = await names(core, { sort: 'visits', limit: 2 });
    const second = await names(core, { sort: 'visits', limit: 2, offset: 2 });
    expect([...first, ...second]).toEqual(['Amy', 'Cleo', 'Ben', 'Dora']);
  });

  it('filters by tag whatever its case, by lapse state and by tier, and counts what the filter keeps', async () => {
    const core = await book();
    const vip = await callOk(core, 'customers-list', { tag: 'VIP', sort: 'name' });
    expect(vip).toMatchObject({ total: 2, rows: [{ name: 'Amy' }, { name: 'Ben' }] });
    expect(await names(core, { tag: 'student', sort: 'name' })).toEqual(['Ben', 'Dora']);
    expect(await names(core, { lapse: 'lapsed', sort: 'name' })).toEqual(['Cleo']);
    expect(await names(core, { lapse: 'active', sort: 'name' })).toEqual(['Amy', 'Ben', 'Dora']);
    expect(await names(core, { tag: 'vip', lapse: 'lapsed' })).toEqual([]);
    const tier = (await callOk(core, 'loyalty-customer', { id: (await callOk(core, 'customers-list', { sort: 'spend', limit: 1 })).rows[0]!.id })).tier;
    expect(await names(core, { tier, sort: 'spend', limit: 1 })).toEqual(['Amy']);
  });

  it('keeps spend and tiers to the owner', async () => {
    const core = await book();
    core.session.role = 'staff';
    const rows = (await callOk(core, 'customers-list', { sort: 'visits' })).rows;
    expect(rows.map((row) => row.revenueMinor)).toEqual([null, null, null, null]);
    expect(await core.call('customers-list', { sort: 'spend' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.call('customers-list', { tier: 'key' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('the customer list’s total', () => {
  it('follows every write, on this connection and on another (the jobs worker’s), while pages of one listing share one count', async () => {
    const core = await book();
    const total = async (offset = 0) => (await callOk(core, 'customers-list', { sort: 'name', limit: 2, offset })).total;
    expect(await total()).toBe(4);
    expect(await total(2)).toBe(4);
    await callOk(core, 'customers-create', { name: 'Eve' });
    expect(await total(2)).toBe(5);
    const other = freshCore({ dataDir: core.info.dataDir });
    await callOk(other, 'customers-create', { name: 'Finn' });
    expect(await total()).toBe(6);
    const archived = (await callOk(core, 'customers-list', { sort: 'name', limit: 1 })).rows[0]!;
    await callOk(core, 'customers-archive', { id: archived.id });
    expect(await total(4)).toBe(5);
  });
});
