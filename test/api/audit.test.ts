import { describe, expect, it } from 'vitest';
import { callOk, fixedClock, freshCore } from '../support/core';

const auditRows = (core: ReturnType<typeof freshCore>) =>
  core.db.prepare('SELECT actor_role, actor_staff_id, action, entity, entity_id, before_json, after_json, at FROM audit_log ORDER BY rowid').all() as {
    actor_role: string;
    actor_staff_id: string | null;
    action: string;
    entity_id: string | null;
    before_json: string | null;
    after_json: string | null;
    at: string;
  }[];

describe('audit trail', () => {
  it('records who changed a customer, when, and only what changed', async () => {
    const core = freshCore({ now: fixedClock('2026-11-23T08:00:00.000Z').now });
    const staff = await callOk(core, 'staff-create', { name: 'Amy' });
    await callOk(core, 'session-set-staff', { staffId: staff.id });
    const customer = await callOk(core, 'customers-create', { name: 'Ada', phones: ['0912345678'] });
    await callOk(core, 'customers-update', { id: customer.id, fields: { name: 'Ada', phones: ['0933000111'], notes: 'likes oat milk' } });
    await callOk(core, 'customers-archive', { id: customer.id });
    const rows = auditRows(core).filter((row) => row.entity_id === customer.id);
    expect(rows.map((row) => row.action)).toEqual(['customer.create', 'customer.update', 'customer.archive']);
    const update = rows[1]!;
    expect(update).toMatchObject({ actor_role: 'owner', actor_staff_id: staff.id, at: '2026-11-23T08:00:00.000Z' });
    expect(JSON.parse(update.before_json!)).toEqual({ phones: [{ display: '0912345678', e164: '+886912345678' }], notes: '' });
    expect(JSON.parse(update.after_json!)).toEqual({ phones: [{ display: '0933000111', e164: '+886933000111' }], notes: 'likes oat milk' });
  });

  it('records settings, staff and removed visits; a refused change leaves no entry', async () => {
    const core = freshCore();
    await callOk(core, 'settings-update', { shopName: 'Corner Café' });
    const visit = await callOk(core, 'visits-log', { customerId: null, amountMinor: 100 });
    await callOk(core, 'visits-archive', { id: visit.id });
    const count = auditRows(core).length;
    expect(await core.callUnknown('settings-update', { currency: 'nope' })).toMatchObject({ ok: false });
    expect(auditRows(core)).toHaveLength(count);
    const actions = auditRows(core).map((row) => row.action);
    expect(actions).toEqual(['settings.update', 'visit.archive']);
    expect(JSON.parse(auditRows(core)[0]!.before_json!)).toEqual({ shopName: '' });
  });
});
