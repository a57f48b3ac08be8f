import { describe, expect, it } from 'vitest';
import type { TimelinePage } from '../../shared/contract/timeline';
import { bookSnapshot, callOk, fixedClock, freshCore } from '../support/core';

describe('the counter: visits and contacts', () => {
  it('logs a visit with amount, note and satisfaction, and updates the customer at once', async () => {
    const clock = fixedClock('2026-11-20T09:00:00.000Z');
    const core = freshCore({ now: clock.now });
    const staff = await callOk(core, 'staff-create', { name: '阿芳' });
    await callOk(core, 'session-set-staff', { staffId: staff.id });
    const customer = await callOk(core, 'customers-create', { name: '王小明' });
    const visit = await callOk(core, 'visits-log', { customerId: customer.id, amountMinor: 12000, items: '拿鐵', note: 'extra hot', satisfaction: 2 });
    expect(visit).toMatchObject({ kind: 'visit', customerName: '王小明', amountMinor: 12000, satisfaction: 2, staffName: '阿芳', channel: 'store' });
    clock.set('2026-11-22T09:00:00.000Z');
    await callOk(core, 'visits-log', { customerId: customer.id, amountMinor: 8000 });
    const detail = await callOk(core, 'customers-get', { id: customer.id });
    expect(detail).toMatchObject({
      visitCount: 2,
      revenueMinor: 20000,
      firstVisitAt: '2026-11-20T09:00:00.000Z',
      lastVisitAt: '2026-11-22T09:00:00.000Z',
    });
  });

  it('logs a walk-in without a customer: it counts revenue only', async () => {
    const core = freshCore();
    const visit = await callOk(core, 'visits-log', { customerId: null, amountMinor: 5000 });
    expect(visit).toMatchObject({ customerId: null, customerName: null, amountMinor: 5000 });
    expect((await callOk(core, 'visits-recent', {}))[0]?.id).toBe(visit.id);
  });

  it('logs a non-sale contact that keeps in touch without counting as a visit', async () => {
    const core = freshCore({ now: fixedClock('2026-11-21T03:00:00.000Z').now });
    const customer = await callOk(core, 'customers-create', { name: 'Ada' });
    const contact = await callOk(core, 'visits-log-contact', { customerId: customer.id, method: 'call', note: 'asked about cake' });
    expect(contact).toMatchObject({ kind: 'contact', channel: 'call', amountMinor: null });
    const detail = await callOk(core, 'customers-get', { id: customer.id });
    expect(detail).toMatchObject({ visitCount: 0, lastContactAt: '2026-11-21T03:00:00.000Z' });
  });

  it('removes a mistaken visit and recomputes the customer', async () => {
    const clock = fixedClock('2026-11-20T09:00:00.000Z');
    const core = freshCore({ now: clock.now });
    const customer = await callOk(core, 'customers-create', { name: 'Ada' });
    await callOk(core, 'visits-log', { customerId: customer.id, amountMinor: 1000 });
    clock.set('2026-11-21T09:00:00.000Z');
    const mistake = await callOk(core, 'visits-log', { customerId: customer.id, amountMinor: 99900 });
    await callOk(core, 'visits-archive', { id: mistake.id });
    expect(await callOk(core, 'customers-get', { id: customer.id })).toMatchObject({
      visitCount: 1,
      revenueMinor: 1000,
      lastVisitAt: '2026-11-20T09:00:00.000Z',
    });
    expect(await core.call('visits-archive', { id: mistake.id })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
  });

  it('refuses visits for missing or archived customers and unknown staff, changing nothing', async () => {
    const core = freshCore();
    const customer = await callOk(core, 'customers-create', { name: 'Ada' });
    await callOk(core, 'customers-archive', { id: customer.id });
    const before = bookSnapshot(core);
    expect(await core.call('visits-log', { customerId: customer.id })).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', details: { reason: 'customer_archived' } } });
    expect(await core.call('visits-log', { customerId: 'nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { entity: 'customer' } } });
    expect(await core.call('visits-log', { customerId: null, staffId: 'ghost' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { entity: 'staff' } } });
    expect(await core.callUnknown('visits-log', { customerId: null, amountMinor: -5 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await core.callUnknown('visits-log', { customerId: null, amountMinor: 1.5 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await core.callUnknown('visits-log', { customerId: null, satisfaction: 4 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(bookSnapshot(core)).toBe(before);
  });
});

describe('the profile timeline', () => {
  it('lists visits and contacts newest first and pages through them without gaps or repeats', async () => {
    const clock = fixedClock('2026-01-01T00:00:00.000Z');
    const core = freshCore({ now: clock.now });
    const customer = await callOk(core, 'customers-create', { name: 'Ada' });
    const logged: string[] = [];
    for (let day = 1; day <= 25; day += 1) {
      clock.set(`2026-01-${String(day).padStart(2, '0')}T10:00:00.000Z`);
      const entry =
        day % 5 === 0
          ? await callOk(core, 'visits-log-contact', { customerId: customer.id, method: 'message' })
          : await callOk(core, 'visits-log', { customerId: customer.id, amountMinor: day * 100 });
      logged.push(entry.id);
    }
    const seen: string[] = [];
    let before: string | null = null;
    do {
      const page: TimelinePage = await callOk(core, 'customers-timeline', { id: customer.id, before, limit: 7 });
      seen.push(...page.items.map((item) => item.id));
      before = page.nextCursor;
    } while (before !== null);
    expect(seen).toEqual([...logged].reverse());
    const first = await callOk(core, 'customers-timeline', { id: customer.id, limit: 1 });
    expect(first.items[0]).toMatchObject({ kind: 'contact', at: '2026-01-25T10:00:00.000Z' });
  });

  it('answers NOT_FOUND for an unknown customer and refuses a forged cursor', async () => {
    const core = freshCore();
    const customer = await callOk(core, 'customers-create', { name: 'Ada' });
    expect(await core.call('customers-timeline', { id: 'nobody' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.call('customers-timeline', { id: customer.id, before: 'garbage' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('staff, settings and the counter session', () => {
  it('names staff and remembers who is at the counter across restarts', async () => {
    const core = freshCore();
    const member = await callOk(core, 'staff-create', { name: 'Ben' });
    await callOk(core, 'session-set-staff', { staffId: member.id });
    const dataDir = core.info.dataDir;
    core.close();
    const reopened = freshCore({ dataDir });
    expect((await callOk(reopened, 'session-get', {})).staffId).toBe(member.id);
    await callOk(reopened, 'staff-update', { id: member.id, name: 'Ben', active: false });
    expect(await callOk(reopened, 'staff-list', {})).toEqual([]);
    expect(await reopened.call('session-set-staff', { staffId: member.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('starts a book with the computer’s language defaults and saves changes', async () => {
    const core = freshCore({ systemLocales: ['zh-CN'] });
    expect(await callOk(core, 'settings-get', {})).toMatchObject({ currency: 'CNY', country: 'CN', language: null });
    const updated = await callOk(core, 'settings-update', { language: 'en', shopName: 'Corner Café', timeZone: 'Asia/Taipei' });
    expect(updated).toMatchObject({ language: 'en', shopName: 'Corner Café', timeZone: 'Asia/Taipei', currency: 'CNY' });
    expect(await core.callUnknown('settings-update', { timeZone: 'Mars/Olympus' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await core.callUnknown('settings-update', { currency: 'XYZ1' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('reads phones by the shop country', async () => {
    const core = freshCore({ systemLocales: ['en-US'] });
    await callOk(core, 'settings-update', { country: 'HK' });
    const customer = await callOk(core, 'customers-create', { name: 'Mei', phones: ['9123 4567'] });
    expect(customer.phones[0]?.e164).toBe('+85291234567');
  });
});
