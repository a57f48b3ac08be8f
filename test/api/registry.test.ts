import { describe, expect, it } from 'vitest';
import { contract, handlerNames } from '../../shared/contract';
import { createRegistry } from '../../electron/core/core';
import { Registry } from '../../electron/core/registry';
import { bookSnapshot, callOk, freshCore } from '../support/core';

describe('the registry gate', () => {
  it('implements every handler of the contract exactly once', () => {
    expect(() => createRegistry(() => {})).not.toThrow();
    const registry = new Registry(() => {});
    registry.register({ 'settings-get': () => ({ ok: true, value: {} as never }) });
    expect(() => registry.register({ 'settings-get': () => ({ ok: true, value: {} as never }) })).toThrow(/twice/);
    expect(() => registry.assertComplete()).toThrow(/without an implementation/);
  });

  it('answers an unknown handler with an error value', async () => {
    const core = freshCore();
    expect(await core.callUnknown('customers-delete-everything', {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_HANDLER', details: { name: 'customers-delete-everything' } },
    });
    expect(await core.callUnknown(42, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_HANDLER' } });
    expect(await core.callUnknown('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_HANDLER' } });
  });

  it.each([
    ['an empty name', { name: '   ' }, { path: 'name', rule: 'required' }],
    ['a 10 MB note', { name: 'Ada', notes: 'x'.repeat(10 * 1024 * 1024) }, { path: 'notes', rule: 'too_long', limit: 20000 }],
    ['a malformed phone', { name: 'Ada', phones: ['call me maybe'] }, { path: 'phones.0', rule: 'invalid_phone' }],
    ['a wrong type', { name: 12 }, { path: 'name', rule: 'invalid_type' }],
    ['a missing name', {}, { path: 'name', rule: 'required' }],
    ['an unknown field', { name: 'Ada', isAdmin: true }, { path: 'isAdmin', rule: 'unknown_field' }],
    ['a prototype-pollution key', JSON.parse('{"name":"Ada","__proto__":{"polluted":true}}'), { path: '__proto__', rule: 'unknown_field' }],
    ['30 February', { name: 'Ada', birthday: { month: 2, day: 30 } }, { path: 'birthday.day', rule: 'invalid_date' }],
    ['a bad e-mail', { name: 'Ada', email: 'ada@' }, { path: 'email', rule: 'invalid_email' }],
  ])('refuses %s with a field error and changes nothing', async (_label, input, issue) => {
    const core = freshCore();
    await callOk(core, 'customers-create', { name: 'Existing', phones: ['0912345678'] });
    const before = bookSnapshot(core);
    const result = await core.callUnknown('customers-create', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', details: { issues: expect.arrayContaining([issue]) } } });
    expect(bookSnapshot(core)).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses input that is not an object at all', async () => {
    const core = freshCore();
    for (const input of [null, undefined, 'customers', 7, [], true]) {
      expect(await core.callUnknown('customers-create', input)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    }
  });

  describe('roles, for every handler', () => {
    it.each(handlerNames)('%s: staff are refused exactly when it is owner-only', async (name) => {
      const core = freshCore();
      core.session.role = 'staff';
      const result = await core.callUnknown(name, {});
      if (contract[name].access === 'owner') {
        expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'Only the owner can do this. Unlock with the owner PIN first.', details: { required: 'owner' } } });
      } else {
        expect(result.ok || result.error.code !== 'FORBIDDEN').toBe(true);
      }
      core.session.role = 'owner';
      const asOwner = await core.callUnknown(name, {});
      expect(asOwner.ok || asOwner.error.code !== 'FORBIDDEN').toBe(true);
    });

    it('hides lifetime spend from staff', async () => {
      const core = freshCore();
      const customer = await callOk(core, 'customers-create', { name: 'Ada' });
      await callOk(core, 'visits-log', { customerId: customer.id, amountMinor: 12000 });
      expect((await callOk(core, 'customers-get', { id: customer.id })).revenueMinor).toBe(12000);
      core.session.role = 'staff';
      expect((await callOk(core, 'customers-get', { id: customer.id })).revenueMinor).toBeNull();
    });
  });

  it('turns an unexpected failure into INTERNAL with a reference, never a thrown text', async () => {
    const failures: { reference: string; handler: string }[] = [];
    const core = freshCore({ onInternalFailure: (failure) => failures.push(failure) });
    core.db.exec('DROP TRIGGER customers_fts_insert; CREATE TRIGGER broken AFTER INSERT ON customers BEGIN SELECT RAISE(ABORT, \'boom\'); END;');
    const result = await core.call('customers-create', { name: 'Ada' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', details: { reference: expect.any(String) } } });
    expect(failures).toEqual([expect.objectContaining({ handler: 'customers-create', reference: result.ok ? '' : (result.error.details as { reference: string }).reference })]);
    expect(core.db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(0);
  });
});
