import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBook } from '../../electron/core/check';
import { customerRecordParticipants, openCore, type Core } from '../../electron/core/core';
import { bookPath } from '../../electron/core/paths';
import { fetchJoinedBook, inviteDevice, joinDevice, readDevice, syncThroughFolder } from '../../electron/core/sync';
import type { FieldConflict } from '../../shared/contract/conflicts';
import { callOk, tempDir } from '../support/core';
import { expectOk } from '../support/result';

const projectRoot = process.cwd();
const made: string[] = [];
const opened: Core[] = [];

afterEach(() => {
  for (const core of opened.splice(0)) core.close();
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const dirFor = () => {
  const dir = tempDir('regulars-conflicts-');
  made.push(dir);
  return dir;
};

const open = (dataDir: string): Core => {
  const core = openCore({ dataDir, transport: 'browser', authority: 'counter', systemLocales: ['zh-TW'], projectRoot });
  opened.push(core);
  return core;
};

const fields = { name: '林美華', phones: ['0912 345 678'], tags: ['VIP'], notes: '燕麥拿鐵' };

/** The whole book as an export sees it: every device must end with the same. */
const exported = (core: Core): string =>
  JSON.stringify({
    customers: core.db.prepare('SELECT id, name, email, notes, archived_at FROM customers ORDER BY id').all(),
    phones: core.db.prepare('SELECT customer_id, position, display FROM customer_phones ORDER BY customer_id, position').all(),
    tags: core.db.prepare('SELECT customer_id, kind, position, value FROM customer_tags ORDER BY customer_id, kind, position').all(),
    staff: core.db.prepare('SELECT id, name, active FROM staff ORDER BY id').all(),
    complaints: core.db.prepare('SELECT id, description, severity FROM complaints ORDER BY id').all(),
  });

/**
 * Two devices of one book, each with a core open: the counter (A) made it with staff 阿明 and
 * 小芳 and a customer, and invited the laptop (B). A's counter is 阿明's, B's is 小芳's.
 */
const twoDevices = async () => {
  const folder = dirFor();
  const [first, second] = [dirFor(), dirFor()];
  const dirs = [first, second];
  const a = open(first);
  const ming = await callOk(a, 'staff-create', { name: '阿明' });
  const fang = await callOk(a, 'staff-create', { name: '小芳' });
  const mei = await callOk(a, 'customers-create', fields);
  const code = inviteDevice(a.db, bookPath(first), new Date(), 'Counter PC');
  const sync = async (index: number) =>
    expectOk(await syncThroughFolder({ bookFile: bookPath(dirs[index]!), folder, projectRoot, participants: customerRecordParticipants, now: () => new Date() }));
  await sync(0);
  const empty = open(second);
  expectOk(joinDevice(empty.db, bookPath(second), code, 'Laptop'));
  empty.close();
  expectOk(await fetchJoinedBook({ bookFile: bookPath(second), folder, projectRoot }));
  const b = open(second);
  await callOk(a, 'session-set-staff', { staffId: ming.id });
  await callOk(b, 'session-set-staff', { staffId: fang.id });
  const deviceOf = (index: number) => readDevice(bookPath(dirs[index]!))!.deviceId;
  return { a, b, dirs, sync, mei, ming, fang, deviceA: deviceOf(0), deviceB: deviceOf(1), code, folder };
};

/** The counter and the laptop, and a second shop (C) that joined after them with the same code. */
const threeDevices = async () => {
  const two = await twoDevices();
  const dir = dirFor();
  const empty = open(dir);
  expectOk(joinDevice(empty.db, bookPath(dir), two.code, 'Second shop'));
  empty.close();
  expectOk(await fetchJoinedBook({ bookFile: bookPath(dir), folder: two.folder, projectRoot }));
  two.dirs.push(dir);
  return { ...two, c: open(dir) };
};

const conflictsOf = (core: Core, id: string) => callOk(core, 'sync-conflicts-of', { record: { kind: 'customer', id } });

const pickInput = (conflict: FieldConflict, index: number) => ({
  table: conflict.table,
  rowKey: conflict.rowKey,
  column: conflict.column,
  deviceId: conflict.values[index]!.deviceId,
  at: conflict.values[index]!.at,
});

describe('values entered while apart: who entered them, and the pick', () => {
  it('shows both values of a field edited apart with the staff and device of each; a pick on one device clears it on both', async () => {
    const { a, b, dirs, sync, mei, deviceA, deviceB } = await twoDevices();
    await callOk(a, 'customers-update', { id: mei.id, fields: { ...fields, notes: '少冰' } });
    await callOk(b, 'customers-update', { id: mei.id, fields: { ...fields, notes: '不要糖' } });
    await sync(0);
    await sync(1);
    await sync(0);
    for (const core of [a, b]) {
      const conflicts = await conflictsOf(core, mei.id);
      expect(conflicts.map((conflict) => [conflict.table, conflict.field, conflict.pickable])).toEqual([['customers', 'notes', true]]);
      const values = conflicts[0]!.values;
      expect(values.map((value) => [value.value, value.staffName, value.deviceId, value.deviceName]).sort()).toEqual(
        [
          ['不要糖', '小芳', deviceB, 'Laptop'],
          ['少冰', '阿明', deviceA, 'Counter PC'],
        ].sort(),
      );
      expect(values.filter((value) => value.shown)).toHaveLength(1);
      expect(values.find((value) => value.thisDevice)?.deviceId).toBe(core === a ? deviceA : deviceB);
      expect((await callOk(core, 'customers-get', { id: mei.id })).notes).toBe(values[0]!.value);
    }
    // The laptop picks the value the book does not show: the conflict clears there at once.
    const [onB] = await conflictsOf(b, mei.id);
    const other = onB!.values.findIndex((value) => !value.shown);
    const picked = onB!.values[other]!.value;
    await callOk(b, 'sync-conflict-pick', pickInput(onB!, other));
    expect(await conflictsOf(b, mei.id)).toEqual([]);
    expect((await callOk(b, 'customers-get', { id: mei.id })).notes).toBe(picked);
    await sync(1);
    await sync(0);
    await sync(1);
    for (const core of [a, b]) {
      expect(await conflictsOf(core, mei.id)).toEqual([]);
      expect((await callOk(core, 'customers-get', { id: mei.id })).notes).toBe(picked);
    }
    expect(exported(b)).toBe(exported(a));
    for (const dir of dirs) expect(checkBook(dir, projectRoot).problems).toEqual([]);
  });

  it('three values entered apart: every device shows all three, whichever arrives last and loses', async () => {
    const { a, b, c, sync, mei } = await threeDevices();
    const cores = [a, b, c];
    // Each round another device syncs third: the second to sync holds two values when the third
    // arrives, and whichever device's value loses, one of the rounds brings a losing third.
    for (const [round, order] of [[0, 1, 2], [1, 2, 0], [2, 0, 1]].entries()) {
      for (const [index, core] of cores.entries()) await callOk(core, 'customers-update', { id: mei.id, fields: { ...fields, notes: `round ${round} on ${index}` } });
      for (const index of [...order, ...order]) await sync(index);
      const seen = await Promise.all(cores.map(async (core) => (await conflictsOf(core, mei.id)).map((conflict) => [conflict.field, conflict.values.map((value) => value.value).sort()])));
      const expected = [['notes', [0, 1, 2].map((index) => `round ${round} on ${index}`)]];
      expect(seen, `round ${round}`).toEqual([expected, expected, expected]);
      expect(new Set(cores.map((core) => exported(core))).size).toBe(1);
    }
  });

  it('the audit trail names the device and staff member of what a sync wrote: one entry per record changed', async () => {
    const { a, b, sync, mei, deviceB } = await twoDevices();
    await callOk(b, 'customers-update', { id: mei.id, fields: { ...fields, notes: '不要糖', phones: ['0912 345 678', '02 2345 6789'], email: 'mei@example.com' } });
    const ada = await callOk(b, 'customers-create', { name: 'Ada Lovelace', phones: ['0922 111 222'], tags: ['new'] });
    await callOk(b, 'visits-log', { customerId: ada.id, amountMinor: 3000 });
    await sync(1);
    await sync(0);
    const arrived = (await callOk(a, 'audit-list', { limit: 50 })).entries.filter((entry) => entry.deviceId !== null);
    expect(arrived.map((entry) => [entry.action, entry.entity, entry.entityId === mei.id ? 'mei' : entry.entityId === ada.id ? 'ada' : entry.entity, entry.deviceId, entry.deviceName, entry.staffName, entry.actorRole]).sort()).toEqual(
      [
        ['sync.update', 'customer', 'mei', deviceB, 'Laptop', '小芳', 'system'],
        ['sync.create', 'customer', 'ada', deviceB, 'Laptop', '小芳', 'system'],
        ['sync.create', 'visit', 'visit', deviceB, 'Laptop', '小芳', 'system'],
      ].sort(),
    );
    const meiEntry = arrived.find((entry) => entry.entityId === mei.id)!;
    expect(meiEntry.after).toMatchObject({ notes: '不要糖', email: 'mei@example.com' });
    expect(meiEntry.entityLabel).toBe('林美華');
    // Fields as the audit trail names them, so each reads labelled and the amount as money.
    const visitEntry = arrived.find((entry) => entry.entity === 'visit')!;
    expect(visitEntry.after).toMatchObject({ customerId: ada.id, amountMinor: 3000, kind: 'visit', channel: 'store' });
    expect(Object.keys(visitEntry.after ?? {}).filter((field) => field.includes('_'))).toEqual([]);
    // The device that made the changes wrote its own entries when it made them, none for a sync.
    expect((await callOk(b, 'audit-list', { limit: 50 })).entries.filter((entry) => entry.deviceId !== null)).toEqual([]);
  });

  it('a reminder arriving changed where each device works it out writes no audit entry; one done on the other device does', async () => {
    const { a, b, sync, mei, deviceB } = await twoDevices();
    const reminder = await callOk(a, 'reminders-create', { customerId: mei.id, dueDay: '2026-12-20', note: '問她要不要試新的豆子' });
    await sync(0);
    await sync(1);
    // The laptop derived the reminder otherwise (another day, a zone not yet caught up): a due day and facts of its own.
    b.db.prepare("UPDATE reminders SET due_day = '2026-12-21', facts_json = '{}' WHERE id = ?").run(reminder.id);
    await sync(1);
    await sync(0);
    const arrived = async () => (await callOk(a, 'audit-list', { limit: 50 })).entries.filter((entry) => entry.deviceId !== null && entry.entity === 'reminder');
    expect(await arrived()).toEqual([]);
    await callOk(b, 'reminders-complete', { id: reminder.id, note: '她說下次' });
    await sync(1);
    await sync(0);
    const [done, ...others] = await arrived();
    expect(others).toEqual([]);
    expect(done).toMatchObject({ action: 'sync.update', deviceId: deviceB, staffName: '小芳', after: { status: 'done', outcomeNote: '她說下次' } });
    expect(Object.keys(done!.after ?? {})).not.toContain('dueDay');
  });

  it('picking the value the book already shows still ends the conflict on the other device', async () => {
    const { a, b, sync, mei } = await twoDevices();
    await callOk(a, 'customers-update', { id: mei.id, fields: { ...fields, phones: ['0912 345 678', '02 2345 6789'] } });
    await callOk(b, 'customers-update', { id: mei.id, fields: { ...fields, phones: ['0933 000 111'] } });
    await sync(0);
    await sync(1);
    await sync(0);
    const [onA] = await conflictsOf(a, mei.id);
    expect(onA!.field).toBe('phones');
    expect(onA!.values.map((value) => value.items?.map((item) => item.text)).sort()).toEqual([['0912 345 678', '02 2345 6789'], ['0933 000 111']].sort());
    const shown = onA!.values.findIndex((value) => value.shown);
    await callOk(a, 'sync-conflict-pick', pickInput(onA!, shown));
    await sync(0);
    await sync(1);
    expect(await conflictsOf(b, mei.id)).toEqual([]);
    expect((await callOk(b, 'customers-get', { id: mei.id })).phones.map((phone) => phone.display)).toEqual(onA!.values[shown]!.items!.map((item) => item.text));
    expect(exported(b)).toBe(exported(a));
  });

  it('a pick already made (here or by a sync) answers conflict_gone; staff may not pick for staff members', async () => {
    const { a, b, sync, mei, ming } = await twoDevices();
    await callOk(a, 'customers-update', { id: mei.id, fields: { ...fields, email: 'a@example.com' } });
    await callOk(b, 'customers-update', { id: mei.id, fields: { ...fields, email: 'b@example.com' } });
    await callOk(a, 'staff-update', { id: ming.id, name: '阿明哥', active: true });
    await callOk(b, 'staff-update', { id: ming.id, name: '明仔', active: true });
    await sync(0);
    await sync(1);
    await sync(0);
    const [onA] = await conflictsOf(a, mei.id);
    const [onB] = await conflictsOf(b, mei.id);
    await callOk(a, 'sync-conflict-pick', pickInput(onA!, 0));
    expect(await a.call('sync-conflict-pick', pickInput(onA!, 1))).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_STATE', details: { reason: 'conflict_gone' } }) });
    await sync(0);
    await sync(1);
    expect(await b.call('sync-conflict-pick', pickInput(onB!, 1))).toEqual({ ok: false, error: expect.objectContaining({ code: 'INVALID_STATE', details: { reason: 'conflict_gone' } }) });

    const shop = await callOk(a, 'sync-conflicts-of', { record: { kind: 'shop' } });
    expect(shop.map((conflict) => [conflict.table, conflict.rowKey, conflict.field])).toEqual([['staff', ming.id, 'name']]);
    a.session.role = 'staff';
    expect(await a.call('sync-conflict-pick', pickInput(shop[0]!, 1))).toEqual({ ok: false, error: expect.objectContaining({ code: 'FORBIDDEN' }) });
    a.session.role = 'owner';
    await callOk(a, 'sync-conflict-pick', pickInput(shop[0]!, 1));
    expect((await callOk(a, 'staff-list', { includeInactive: true })).find((member) => member.id === ming.id)?.name).toBe(shop[0]!.values[1]!.value);
  });

  it('a complaint resolved differently apart shows both resolutions, not picked; a setting changed apart is picked by the owner', async () => {
    const { a, b, sync, mei } = await twoDevices();
    const complaint = await callOk(a, 'complaints-log', { customerId: mei.id, channel: 'in_person', category: 'service_attitude', severity: 'medium', description: '等太久' });
    await sync(0);
    await sync(1);
    await callOk(a, 'complaints-resolve', { id: complaint.id, resolution: '送一杯咖啡', compensation: null });
    await callOk(b, 'complaints-resolve', { id: complaint.id, resolution: '道歉並說明', compensation: null });
    await callOk(a, 'settings-update', { shopName: '轉角咖啡' });
    await callOk(b, 'settings-update', { shopName: 'Corner Café' });
    await sync(0);
    await sync(1);
    await sync(0);
    const onComplaint = await callOk(a, 'sync-conflicts-of', { record: { kind: 'complaint', id: complaint.id } });
    const resolution = onComplaint.find((conflict) => conflict.field === 'resolution')!;
    expect(resolution.pickable).toBe(false);
    expect(resolution.values.map((value) => value.value).sort()).toEqual(['送一杯咖啡', '道歉並說明'].sort());
    expect(await a.call('sync-conflict-pick', pickInput(resolution, 1))).toEqual({ ok: false, error: expect.objectContaining({ details: { reason: 'conflict_not_pickable' } }) });

    const [shopName] = (await callOk(b, 'sync-conflicts-of', { record: { kind: 'shop' } })).filter((conflict) => conflict.table === 'settings');
    expect(shopName!.field).toBe('shopName');
    const counterValue = shopName!.values.findIndex((value) => value.value === JSON.stringify('轉角咖啡'));
    await callOk(b, 'sync-conflict-pick', pickInput(shopName!, counterValue));
    await sync(1);
    await sync(0);
    for (const core of [a, b]) {
      expect((await callOk(core, 'settings-get', {})).shopName).toBe('轉角咖啡');
      expect(await callOk(core, 'sync-conflicts-of', { record: { kind: 'shop' } })).toEqual([]);
    }
  });
});
