import { describe, expect, it } from 'vitest';
import type { CustomerFieldsInput } from '../../shared/contract/customers';
import { checkBook } from '../../electron/core/check';
import { bookSnapshot, callOk, fixedClock, freshCore } from '../support/core';

type Core = ReturnType<typeof freshCore>;

/** Every row of every table a merge touches, and the search index's rowids: what "exactly" means here. */
const customerState = (core: Core): string => {
  const tables = core.db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'customers_fts%' AND name NOT IN ('audit_log', 'customer_merges') ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const dump = tables.map((table) => [table, core.db.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).all()]);
  return JSON.stringify([...dump, ['fts rowids', core.db.prepare('SELECT rowid FROM customers_fts ORDER BY rowid').pluck().all()]]);
};

const names = async (core: Core, query: string) => (await callOk(core, 'customers-search', { query, includeArchived: true })).rows.map((row) => row.name);

/** Two records of one regular, entered twice by different staff, with history on both. */
const duplicates = async (core: Core, clock: ReturnType<typeof fixedClock>) => {
  const amy = await callOk(core, 'staff-create', { name: 'Amy' });
  await callOk(core, 'session-set-staff', { staffId: amy.id });
  const older: CustomerFieldsInput = { name: '王小明', phones: ['0912-345-678'], tags: ['VIP'], interests: ['手沖'], notes: 'oat milk', consentToContact: true };
  const survivor = await callOk(core, 'customers-create', older);
  clock.set('2026-03-02T10:00:00.000Z');
  const absorbed = await callOk(core, 'customers-create', {
    name: '王曉明',
    phones: ['0933 000 111'],
    email: 'xm@example.com',
    birthday: { month: 5, day: 4 },
    tags: ['Regular'],
    source: 'referral',
  });
  const bystander = await callOk(core, 'customers-create', { name: 'Li Wei', phones: ['0922 111 222'] });
  clock.set('2026-03-03T10:00:00.000Z');
  await callOk(core, 'visits-log', { customerId: survivor.id, amountMinor: 12000, items: 'Latte', satisfaction: 2 });
  clock.set('2026-03-04T10:00:00.000Z');
  await callOk(core, 'visits-log', { customerId: absorbed.id, amountMinor: 8000, satisfaction: 3 });
  const removed = await callOk(core, 'visits-log', { customerId: absorbed.id, amountMinor: 999 });
  await callOk(core, 'visits-archive', { id: removed.id });
  await callOk(core, 'visits-log-contact', { customerId: absorbed.id, method: 'call', note: 'birthday cake' });
  await callOk(core, 'visits-log', { customerId: bystander.id, amountMinor: 500 });
  return { survivor, absorbed, bystander };
};

const chosenFields = (survivorName: string): CustomerFieldsInput => ({
  name: survivorName,
  phones: ['0912-345-678', '0933 000 111'],
  email: 'xm@example.com',
  birthday: { month: 5, day: 4 },
  tags: ['VIP', 'Regular'],
  interests: ['手沖'],
  notes: 'oat milk',
  source: 'referral',
  consentToContact: true,
});

describe('merging duplicates', () => {
  it('moves everything to the survivor, and undo restores both customers exactly, search index included', async () => {
    const clock = fixedClock('2026-03-01T10:00:00.000Z');
    const core = freshCore({ now: clock.now });
    const { survivor, absorbed } = await duplicates(core, clock);
    const before = customerState(core);

    const preview = await callOk(core, 'customers-merge-preview', { survivorId: survivor.id, absorbedId: absorbed.id });
    expect(preview.moves).toEqual([
      { kind: 'visits', count: 2 },
      { kind: 'contacts', count: 1 },
      { kind: 'satisfactionAnswers', count: 1 },
      { kind: 'importedHistories', count: 0 },
      { kind: 'reminders', count: 2 },
      { kind: 'winBackAttempts', count: 0 },
      { kind: 'statusChanges', count: 0 },
      { kind: 'complaints', count: 0 },
      { kind: 'referrals', count: 0 },
      { kind: 'referralRewards', count: 0 },
    ]);

    clock.set('2026-03-05T10:00:00.000Z');
    const merged = await callOk(core, 'customers-merge', { survivorId: survivor.id, absorbedId: absorbed.id, fields: chosenFields('王小明') });
    expect(merged.survivor).toMatchObject({
      name: '王小明',
      email: 'xm@example.com',
      tags: ['VIP', 'Regular'],
      visitCount: 2,
      revenueMinor: 20000,
      createdAt: '2026-03-01T10:00:00.000Z',
      lastContactAt: '2026-03-04T10:00:00.000Z',
    });
    expect(merged.merge).toMatchObject({ absorbedName: '王曉明', staffName: 'Amy', actorRole: 'owner', undoable: true });
    expect(await core.call('customers-get', { id: absorbed.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await names(core, '0111')).toEqual(['王小明']);
    expect(await names(core, '曉')).toEqual([]);
    const timeline = await callOk(core, 'customers-timeline', { id: survivor.id });
    expect(timeline.items.map((item) => item.kind)).toEqual(['contact', 'visit', 'visit']);
    expect(checkBook(core.info.dataDir).problems).toEqual([]);

    clock.set('2026-03-05T10:05:00.000Z');
    const undone = await callOk(core, 'customers-merge-undo', { mergeId: merged.merge.id });
    expect(undone.absorbed).toMatchObject({ id: absorbed.id, name: '王曉明', visitCount: 1, revenueMinor: 8000 });
    expect(customerState(core)).toBe(before);
    expect(await names(core, '曉')).toEqual(['王曉明']);
    expect(await names(core, '0111')).toEqual(['王曉明']);
    expect(checkBook(core.info.dataDir).problems).toEqual([]);

    expect(await core.call('customers-merge-undo', { mergeId: merged.merge.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', details: { reason: 'merge_undone' } },
    });
    const trail = core.db.prepare("SELECT action, entity_id, actor_staff_id FROM audit_log WHERE action LIKE 'customer.merge%' ORDER BY rowid").all();
    expect(trail).toEqual([
      { action: 'customer.merge', entity_id: survivor.id, actor_staff_id: expect.any(String) },
      { action: 'customer.merged_into', entity_id: absorbed.id, actor_staff_id: expect.any(String) },
      { action: 'customer.merge_undo', entity_id: survivor.id, actor_staff_id: expect.any(String) },
      { action: 'customer.merge_undo', entity_id: absorbed.id, actor_staff_id: expect.any(String) },
    ]);
  });

  it('gives the absorbed customer a new search key when its old one was taken meanwhile, and keeps later visits with the survivor', async () => {
    const clock = fixedClock('2026-03-01T10:00:00.000Z');
    const core = freshCore({ now: clock.now });
    const { bystander } = await duplicates(core, clock);
    // The newest customer is absorbed, so a customer added after the merge takes its rid.
    const absorbed = await callOk(core, 'customers-create', { name: 'Bystander twin', phones: ['0922 111 222'] });
    await callOk(core, 'visits-log', { customerId: absorbed.id, amountMinor: 300 });
    const ridOf = (id: string) => core.db.prepare('SELECT rid FROM customers WHERE id = ?').pluck().get(id);
    const oldRid = ridOf(absorbed.id);
    const merged = await callOk(core, 'customers-merge', {
      survivorId: bystander.id,
      absorbedId: absorbed.id,
      fields: { name: 'Li Wei', phones: ['0922 111 222'] },
    });
    const newcomer = await callOk(core, 'customers-create', { name: 'Zoë Newcomer' });
    expect(ridOf(newcomer.id)).toBe(oldRid);
    await callOk(core, 'visits-log', { customerId: bystander.id, amountMinor: 700 });
    await callOk(core, 'customers-merge-undo', { mergeId: merged.merge.id });
    expect(await names(core, 'twin')).toEqual(['Bystander twin']);
    expect(await names(core, 'zo')).toEqual(['Zoë Newcomer']);
    expect((await callOk(core, 'customers-get', { id: absorbed.id })).revenueMinor).toBe(300);
    expect((await callOk(core, 'customers-get', { id: bystander.id })).revenueMinor).toBe(1200);
    expect((await callOk(core, 'customers-get', { id: newcomer.id })).name).toBe('Zoë Newcomer');
    expect(ridOf(absorbed.id)).not.toBe(oldRid);
    expect(checkBook(core.info.dataDir).problems).toEqual([]);
  });

  it('refuses to undo once the survivor was edited, rather than silently losing the edit', async () => {
    const clock = fixedClock('2026-03-01T10:00:00.000Z');
    const core = freshCore({ now: clock.now });
    const { survivor, absorbed } = await duplicates(core, clock);
    const merged = await callOk(core, 'customers-merge', { survivorId: survivor.id, absorbedId: absorbed.id, fields: chosenFields('王小明') });
    clock.set('2026-03-06T10:00:00.000Z');
    await callOk(core, 'customers-update', { id: survivor.id, fields: { ...chosenFields('王小明'), notes: 'decaf now' } });
    expect((await callOk(core, 'customers-merges', { customerId: survivor.id }))[0]).toMatchObject({ undoable: false });
    expect(await core.call('customers-merge-undo', { mergeId: merged.merge.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', details: { reason: 'merge_changed_since' } },
    });
  });

  it('refuses nonsense merges and refuses staff altogether', async () => {
    const clock = fixedClock('2026-03-01T10:00:00.000Z');
    const core = freshCore({ now: clock.now });
    const { survivor, absorbed, bystander } = await duplicates(core, clock);
    expect(await core.call('customers-merge-preview', { survivorId: survivor.id, absorbedId: survivor.id })).toMatchObject({
      ok: false,
      error: { details: { reason: 'merge_same_customer' } },
    });
    await callOk(core, 'customers-archive', { id: bystander.id });
    expect(await core.call('customers-merge-preview', { survivorId: bystander.id, absorbedId: absorbed.id })).toMatchObject({
      ok: false,
      error: { details: { reason: 'customer_archived' } },
    });
    core.session.role = 'staff';
    expect(await core.call('customers-merge', { survivorId: survivor.id, absorbedId: absorbed.id, fields: chosenFields('x') })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('merging customers with reminders and win-back history', () => {
  it('moves the win-back calls and the lost mark to the survivor, and undo gives them back exactly', async () => {
    const clock = fixedClock('2026-01-05T10:00:00.000Z');
    const core = freshCore({ now: clock.now });
    const survivor = await callOk(core, 'customers-create', { name: '王小明', phones: ['0912345678'] });
    const absorbed = await callOk(core, 'customers-create', { name: '王曉明', phones: ['0933111222'] });
    await callOk(core, 'visits-log', { customerId: absorbed.id, amountMinor: 12000 });
    clock.set('2026-03-01T10:00:00.000Z');
    await callOk(core, 'winback-record-attempt', { customerId: absorbed.id, outcome: 'declined', note: 'moved across town' });
    await callOk(core, 'winback-mark-lost', { customerId: absorbed.id, reason: 'involuntary' });
    const before = bookSnapshot(core, ['audit_log', 'customer_merges']);

    const merged = await callOk(core, 'customers-merge', { survivorId: survivor.id, absorbedId: absorbed.id, fields: { name: '王小明', phones: ['0912345678'] } });
    const kinds = (await callOk(core, 'customers-timeline', { id: survivor.id })).items.map((item) => item.kind);
    expect(kinds).toEqual(expect.arrayContaining(['visit']));
    expect(core.db.prepare('SELECT count(*) FROM win_back_attempts WHERE customer_id = ?').pluck().get(survivor.id)).toBe(1);
    expect(core.db.prepare('SELECT count(*) FROM customer_status_events WHERE customer_id = ?').pluck().get(survivor.id)).toBe(1);

    await callOk(core, 'customers-merge-undo', { mergeId: merged.merge.id });
    expect(bookSnapshot(core, ['audit_log', 'customer_merges'])).toBe(before);
    expect(checkBook(core.info.dataDir).problems).toEqual([]);
  });
});
