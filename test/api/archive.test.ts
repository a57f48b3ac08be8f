import { describe, expect, it } from 'vitest';
import { checkBook } from '../../electron/core/check';
import { callOk, fixedClock, freshCore } from '../support/core';

describe('soft delete and purge', () => {
  it('deletes an archived customer for good only after naming what goes with them; the audit trail stays', async () => {
    const core = freshCore();
    const customer = await callOk(core, 'customers-create', { name: 'Grace Hopper', phones: ['0912 345 678'], tags: ['VIP'], interests: ['tea', 'ships'] });
    const other = await callOk(core, 'customers-create', { name: 'Ada Lovelace' });
    await callOk(core, 'visits-log', { customerId: customer.id, amountMinor: 100, satisfaction: 3 });
    await callOk(core, 'visits-log', { customerId: customer.id, amountMinor: 200 });
    await callOk(core, 'visits-log-contact', { customerId: customer.id, method: 'call' });
    await callOk(core, 'visits-log', { customerId: other.id, amountMinor: 50 });

    expect(await core.call('customers-purge-preview', { id: customer.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', details: { reason: 'purge_needs_archive' } },
    });
    await callOk(core, 'customers-archive', { id: customer.id });
    const preview = await callOk(core, 'customers-purge-preview', { id: customer.id });
    expect(preview).toMatchObject({ name: 'Grace Hopper', auditEntries: 2 });
    expect(preview.records).toEqual([
      { kind: 'visits', count: 2 },
      { kind: 'contacts', count: 1 },
      { kind: 'satisfactionAnswers', count: 1 },
      { kind: 'importedHistories', count: 0 },
      { kind: 'reminders', count: 1 },
      { kind: 'winBackAttempts', count: 0 },
      { kind: 'statusChanges', count: 0 },
      { kind: 'complaints', count: 0 },
      { kind: 'referrals', count: 0 },
      { kind: 'referralRewards', count: 0 },
      { kind: 'phones', count: 1 },
      { kind: 'tags', count: 1 },
      { kind: 'interests', count: 2 },
      { kind: 'mergeHistory', count: 0 },
    ]);

    core.session.role = 'staff';
    expect(await core.call('customers-purge', { id: customer.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    core.session.role = 'owner';
    await callOk(core, 'customers-purge', { id: customer.id });

    const count = (sql: string) => core.db.prepare(sql).pluck().get();
    expect(count('SELECT count(*) FROM customers')).toBe(1);
    expect(count('SELECT count(*) FROM visits')).toBe(1);
    expect(count('SELECT count(*) FROM satisfaction_answers')).toBe(0);
    expect(count('SELECT count(*) FROM customer_name_grams WHERE customer_rid NOT IN (SELECT rid FROM customers)')).toBe(0);
    expect((await callOk(core, 'customers-search', { query: '5678', includeArchived: true })).rows).toEqual([]);
    expect(checkBook(core.info.dataDir).problems).toEqual([]);
    const trail = core.db.prepare('SELECT action, before_json FROM audit_log WHERE entity_id = ? ORDER BY rowid').all(customer.id) as { action: string; before_json: string }[];
    expect(trail.map((entry) => entry.action)).toEqual(['customer.create', 'customer.archive', 'customer.purge']);
    expect(JSON.parse(trail[2]!.before_json)).toMatchObject({ name: 'Grace Hopper', phones: ['0912 345 678'], records: expect.arrayContaining([{ kind: 'visits', count: 2 }]) });
  });

  it('restores or deletes archived visits, and lists what is archived for the owner', async () => {
    const core = freshCore();
    const customer = await callOk(core, 'customers-create', { name: 'Ada' });
    const kept = await callOk(core, 'visits-log', { customerId: customer.id, amountMinor: 100 });
    const mistake = await callOk(core, 'visits-log', { customerId: customer.id, amountMinor: 9900, satisfaction: 1 });
    const walkIn = await callOk(core, 'visits-log', { customerId: null, amountMinor: 300 });
    await callOk(core, 'visits-archive', { id: mistake.id });
    await callOk(core, 'visits-archive', { id: walkIn.id });
    expect(await core.call('visits-purge', { id: kept.id })).toMatchObject({ ok: false, error: { details: { reason: 'purge_needs_archive' } } });

    const archived = await callOk(core, 'archive-visits', {});
    expect(archived.total).toBe(2);
    expect(archived.rows.map((row) => row.id)).toEqual([walkIn.id, mistake.id]);

    await callOk(core, 'visits-unarchive', { id: walkIn.id });
    await callOk(core, 'visits-purge', { id: mistake.id });
    expect((await callOk(core, 'archive-visits', {})).total).toBe(0);
    expect(core.db.prepare('SELECT count(*) FROM satisfaction_answers').pluck().get()).toBe(0);
    expect((await callOk(core, 'customers-get', { id: customer.id })).revenueMinor).toBe(100);
    expect(await core.call('visits-unarchive', { id: walkIn.id })).toMatchObject({ ok: false, error: { details: { reason: 'not_archived' } } });

    await callOk(core, 'customers-archive', { id: customer.id });
    const customers = await callOk(core, 'archive-customers', {});
    expect(customers).toMatchObject({ total: 1, rows: [{ id: customer.id, name: 'Ada', archivedAt: expect.any(String) }] });
    const actions = core.db.prepare("SELECT action FROM audit_log WHERE entity = 'visit' ORDER BY rowid").pluck().all();
    expect(actions).toEqual(['visit.archive', 'visit.archive', 'visit.unarchive', 'visit.purge']);
  });

  it('keeps a merged-and-purged customer from leaving their data behind in the merge records', async () => {
    const core = freshCore();
    const survivor = await callOk(core, 'customers-create', { name: 'Mei' });
    const absorbed = await callOk(core, 'customers-create', { name: 'Mei Chen', phones: ['0933 000 111'] });
    await callOk(core, 'customers-merge', { survivorId: survivor.id, absorbedId: absorbed.id, fields: { name: 'Mei Chen' } });
    await callOk(core, 'customers-archive', { id: survivor.id });
    expect((await callOk(core, 'customers-purge-preview', { id: survivor.id })).records).toContainEqual({ kind: 'mergeHistory', count: 1 });
    await callOk(core, 'customers-purge', { id: survivor.id });
    expect(core.db.prepare('SELECT count(*) FROM customer_merges').pluck().get()).toBe(0);
  });
});

describe('deleting a visit for good', () => {
  it('takes the won-back mark it caused with it', async () => {
    const clock = fixedClock('2026-01-05T10:00:00.000Z');
    const core = freshCore({ now: clock.now });
    const customer = await callOk(core, 'customers-create', { name: 'Ada' });
    await callOk(core, 'visits-log', { customerId: customer.id, amountMinor: 100 });
    await callOk(core, 'winback-mark-lost', { customerId: customer.id, reason: 'price' });
    clock.set('2026-04-01T10:00:00.000Z');
    const comeback = await callOk(core, 'visits-log', { customerId: customer.id, amountMinor: 100 });
    expect(core.db.prepare("SELECT count(*) FROM customer_status_events WHERE visit_id = ?").pluck().get(comeback.id)).toBe(1);
    await callOk(core, 'visits-archive', { id: comeback.id });
    await callOk(core, 'visits-purge', { id: comeback.id });
    expect(core.db.prepare("SELECT count(*) FROM customer_status_events WHERE visit_id = ?").pluck().get(comeback.id)).toBe(0);
    expect(checkBook(core.info.dataDir).problems).toEqual([]);
  });
});
