import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { callOk, fixedClock, freshCore } from '../support/core';

/** A small shop day by day: two staff members, edits, an archive, a settings change. */
const history = async () => {
  const clock = fixedClock('2026-03-01T02:00:00.000Z');
  const core = freshCore({ now: clock.now });
  await callOk(core, 'settings-update', { timeZone: 'Asia/Taipei' });
  const amy = await callOk(core, 'staff-create', { name: 'Amy' });
  const ben = await callOk(core, 'staff-create', { name: 'Ben' });
  await callOk(core, 'session-set-staff', { staffId: amy.id });
  const ada = await callOk(core, 'customers-create', { name: 'Ada', phones: ['0912 345 678'] });
  clock.set('2026-03-01T17:30:00.000Z'); // 2 March, 01:30 in Taipei
  await callOk(core, 'session-set-staff', { staffId: ben.id });
  await callOk(core, 'customers-update', { id: ada.id, fields: { name: 'Ada', phones: ['0933 000 111'] } });
  const eve = await callOk(core, 'customers-create', { name: '=HYPERLINK("http://evil")' });
  clock.set('2026-03-03T03:00:00.000Z');
  await callOk(core, 'customers-archive', { id: eve.id });
  return { core, clock, amy, ben, ada, eve };
};

describe('reading the audit trail', () => {
  it('lists newest first, filtered by action, record, staff member and shop-local days, in pages', async () => {
    const { core, amy, ben, ada } = await history();
    const all = await callOk(core, 'audit-list', {});
    expect(all.entries.map((entry) => entry.action)).toEqual([
      'customer.archive',
      'customer.create',
      'customer.update',
      'customer.create',
      'staff.create',
      'staff.create',
      'settings.update',
    ]);
    const update = all.entries[2]!;
    expect(update).toMatchObject({ staffName: 'Ben', actorRole: 'owner', entityLabel: 'Ada' });
    expect(update.before).toEqual({ phones: [{ display: '0912 345 678', e164: '+886912345678' }] });

    const byAction = await callOk(core, 'audit-list', { action: 'customer.create' });
    expect(byAction.entries).toHaveLength(2);
    expect((await callOk(core, 'audit-list', { entityId: ada.id })).entries.map((entry) => entry.action)).toEqual(['customer.update', 'customer.create']);
    expect((await callOk(core, 'audit-list', { staffId: amy.id })).entries.map((entry) => entry.action)).toEqual(['customer.create']);
    expect((await callOk(core, 'audit-list', { staffId: ben.id })).entries).toHaveLength(3);
    // 17:30 UTC on 1 March is already 2 March in the shop.
    const secondOfMarch = await callOk(core, 'audit-list', { from: '2026-03-02', to: '2026-03-02' });
    expect(secondOfMarch.entries.map((entry) => entry.action)).toEqual(['customer.create', 'customer.update']);

    const first = await callOk(core, 'audit-list', { limit: 3 });
    expect(first.nextCursor).not.toBeNull();
    const second = await callOk(core, 'audit-list', { limit: 3, before: first.nextCursor });
    const third = await callOk(core, 'audit-list', { limit: 3, before: second.nextCursor });
    expect([...first.entries, ...second.entries, ...third.entries].map((entry) => entry.id)).toEqual(all.entries.map((entry) => entry.id));
    expect(third.nextCursor).toBeNull();
    expect(await callOk(core, 'audit-facets', {})).toEqual({
      actions: ['customer.archive', 'customer.create', 'customer.update', 'settings.update', 'staff.create'],
      entities: ['customer', 'settings', 'staff'],
    });
  });

  it('exports the filtered trail as a spreadsheet Excel reads in Chinese, and records the export', async () => {
    const { core } = await history();
    const exported = await callOk(core, 'audit-export', { entity: 'customer', language: 'zh-Hant' });
    expect(exported.fileName).toBe('regulars-audit-2026-03-03.csv');
    expect(exported.rows).toBe(4);
    expect(exported.csv.startsWith('\uFEFF')).toBe(true);
    const { data } = Papa.parse<string[]>(exported.csv.slice(1), { skipEmptyLines: true });
    expect(data[0]).toEqual(['時間', '時間（UTC）', '身分', '櫃檯人員', '操作', '操作代碼', '資料類型', '資料編號', '資料', '變更內容', '變更前（JSON）', '變更後（JSON）', '備註', '來自裝置']);
    const update = data.find((row) => row[5] === 'customer.update')!;
    expect(update.slice(0, 5)).toEqual(['2026-03-02 01:30:00', '2026-03-01T17:30:00.000Z', '店主', 'Ben', '編輯客戶']);
    expect(update[9]).toBe('電話: 0912 345 678 → 0933 000 111');
    // A name that a spreadsheet would run as a formula is written as text.
    expect(data.some((row) => row[8] === '\'=HYPERLINK("http://evil")')).toBe(true);
    const last = await callOk(core, 'audit-list', { limit: 1 });
    expect(last.entries[0]).toMatchObject({ action: 'audit.export', after: { rows: 4, entity: 'customer' } });
  });
});

describe('local times in the export', () => {
  it('follows the shop’s zone across a daylight-saving change', async () => {
    const clock = fixedClock('2026-03-08T06:30:00.000Z');
    const core = freshCore({ now: clock.now });
    await callOk(core, 'settings-update', { timeZone: 'America/New_York' });
    clock.set('2026-03-08T07:30:00.000Z'); // 02:30 EST does not exist: 03:30 EDT
    await callOk(core, 'staff-create', { name: 'Amy' });
    const { data } = Papa.parse<string[]>((await callOk(core, 'audit-export', { language: 'en' })).csv.slice(1), { skipEmptyLines: true });
    expect(data.slice(1).map((row) => row[0])).toEqual(['2026-03-08 03:30:00', '2026-03-08 01:30:00']);
  });
});
