import { describe, expect, it } from 'vitest';
import { catchUpDerived } from '../../electron/core/derive';
import { seedBook } from '../../electron/core/seed/seed';
import { ValueFitSchedule } from '../../electron/core/value/schedule';
import { callOk, fixedClock, freshCore, setUpOwner } from '../support/core';

const dayMs = 86_400_000;
const daysBefore = (iso: string, days: number) => new Date(Date.parse(iso) - days * dayMs).toISOString();

describe('the value model fitted to the shop’s history', () => {
  it('says plainly when there is too little history, and gives the simple estimate instead', async () => {
    const clock = fixedClock('2026-11-20T10:00:00Z');
    const core = freshCore({ now: clock.now });
    const ada = await callOk(core, 'customers-create', { name: 'Ada' });
    for (const days of [90, 60, 30]) await callOk(core, 'visits-log', { customerId: ada.id, amountMinor: 1200, occurredAt: daysBefore(clock.now().toISOString(), days) });
    const fit = await callOk(core, 'loyalty-value-fit', {});
    expect(fit).toMatchObject({ basis: 'simple', simpleBecause: 'few_repeat_customers', repeatCustomers: 1, minimumRepeatCustomers: 50 });
    const { value } = await callOk(core, 'loyalty-customer', { id: ada.id });
    expect(value.fit?.basis).toBe('simple');
    expect(value.inputs).toEqual({ visitDays: 3, daysSinceFirstVisit: 90, daysSinceLastVisit: 30, averageSpendMinor: 1200 });
    expect(value.probabilityAlive).toBeNull();
    expect(value.expectedSpendPerVisitMinor).toBe(1200);
  });

  it('counts visit days, not visits: two visits on one shop day are one', async () => {
    const clock = fixedClock('2026-11-20T10:00:00Z');
    const core = freshCore({ now: clock.now });
    await callOk(core, 'settings-update', { timeZone: 'Asia/Taipei' });
    const ada = await callOk(core, 'customers-create', { name: 'Ada' });
    // 23:30 and 00:30 UTC are both 18 November in Taipei (07:30 and 08:30).
    await callOk(core, 'visits-log', { customerId: ada.id, amountMinor: 1000, occurredAt: '2026-11-17T23:30:00Z' });
    await callOk(core, 'visits-log', { customerId: ada.id, amountMinor: 500, occurredAt: '2026-11-18T00:30:00Z' });
    await callOk(core, 'loyalty-value-fit', {});
    expect((await callOk(core, 'loyalty-customer', { id: ada.id })).value.inputs).toEqual({ visitDays: 1, daysSinceFirstVisit: 2, daysSinceLastVisit: 2, averageSpendMinor: 1500 });
  });

  it('fits the models on a real history, gives a one-visit customer the shop-wide estimate, and follows each new visit', async () => {
    const clock = fixedClock('2026-11-20T10:00:00Z');
    const core = freshCore({ now: clock.now });
    seedBook(core.db, { customers: 200, visits: 2000, seed: 7, days: 400, now: clock.now() });
    const fit = await callOk(core, 'loyalty-value-fit', {});
    expect(fit).toMatchObject({ basis: 'model', simpleBecause: null });
    expect(fit.repeatCustomers).toBeGreaterThanOrEqual(50);

    const big = await callOk(core, 'customers-create', { name: '林小姐' });
    await callOk(core, 'visits-log', { customerId: big.id, amountMinor: 48_000 });
    const small = await callOk(core, 'customers-create', { name: '王先生' });
    await callOk(core, 'visits-log', { customerId: small.id, amountMinor: 500 });
    const bigValue = (await callOk(core, 'loyalty-customer', { id: big.id })).value;
    const smallValue = (await callOk(core, 'loyalty-customer', { id: small.id })).value;
    expect(bigValue.probabilityAlive).toBeNull();
    expect(bigValue.lifetimeValueMinor).not.toBeNull();
    expect({ ...bigValue, inputs: null }).toEqual({ ...smallValue, inputs: null });

    // A regular who stopped coming months ago is likely gone; the visit they make today brings them back.
    const regular = await callOk(core, 'customers-create', { name: 'Ben' });
    for (let days = 300; days >= 150; days -= 10) await callOk(core, 'visits-log', { customerId: regular.id, amountMinor: 900, occurredAt: daysBefore(clock.now().toISOString(), days) });
    await callOk(core, 'loyalty-value-fit', {});
    const before = (await callOk(core, 'loyalty-customer', { id: regular.id })).value;
    expect(before.probabilityAlive as number).toBeLessThan(0.5);
    await callOk(core, 'visits-log', { customerId: regular.id, amountMinor: 900 });
    const after = (await callOk(core, 'loyalty-customer', { id: regular.id })).value;
    expect(after.probabilityAlive as number).toBeGreaterThan(0.9);
    expect(after.expectedVisitsNextYear as number).toBeGreaterThan(before.expectedVisitsNextYear as number);
    // The stored figure (for the export and Today) followed the visit too.
    const stored = core.db.prepare('SELECT value_probability_alive FROM customer_loyalty WHERE customer_id = ?').pluck().get(regular.id) as number;
    expect(stored).toBeCloseTo(after.probabilityAlive as number, 6);
  });

  it('counts a history brought from another tool as that tool summed it up', async () => {
    const clock = fixedClock('2026-11-20T10:00:00Z');
    const core = freshCore({ now: clock.now });
    const ada = await callOk(core, 'customers-create', { name: 'Ada' });
    core.db
      .prepare(
        "INSERT INTO imported_histories (id, customer_id, import_id, source_name, visit_count, revenue_minor, first_visit_at, last_visit_at, recorded_at) VALUES ('h1', ?, 'i1', 'pos.csv', 12, 120000, '2025-11-20T02:00:00.000Z', '2026-10-21T02:00:00.000Z', 'x')",
      )
      .run(ada.id);
    await callOk(core, 'visits-log', { customerId: ada.id, amountMinor: 4000 });
    await callOk(core, 'loyalty-value-fit', {});
    expect((await callOk(core, 'loyalty-customer', { id: ada.id })).value.inputs).toEqual({ visitDays: 13, daysSinceFirstVisit: 365, daysSinceLastVisit: 0, averageSpendMinor: 9538 });
  });

  it('orders a day’s win-back calls likeliest to return first', async () => {
    const clock = fixedClock('2026-11-20T10:00:00Z');
    const core = freshCore({ now: clock.now });
    seedBook(core.db, { customers: 300, visits: 4000, seed: 11, days: 500, now: clock.now() });
    await callOk(core, 'loyalty-value-fit', {});
    const agenda = await callOk(core, 'reminders-agenda', { kinds: ['win_back'], limit: 500 });
    const chance = core.db.prepare('SELECT value_probability_alive FROM customer_loyalty WHERE customer_id = ?').pluck();
    const items = [...agenda.overdue.items, ...agenda.dueToday.items, ...agenda.upcoming.items];
    const byDay = new Map<string, number[]>();
    for (const item of items) byDay.set(item.agendaDay, [...(byDay.get(item.agendaDay) ?? []), (chance.get(item.customer!.id) as number | null) ?? -1]);
    const days = [...byDay.values()].filter((chances) => chances.length > 1);
    expect(days.length).toBeGreaterThan(0);
    for (const chances of days) expect(chances).toEqual([...chances].sort((a, b) => b - a));
  });

  it('is due daily, after the horizon or discount changes, and after imports and restores', async () => {
    const clock = fixedClock('2026-11-20T10:00:00Z');
    const core = freshCore({ now: clock.now });
    const schedule = new ValueFitSchedule({ db: () => core.db, bookFile: core.info.bookFile, now: clock.now, jobs: core.jobs, events: core.events });
    expect(schedule.due()).toBe(true);
    expect(await schedule.runIfDue()).toBe(true);
    expect(schedule.due()).toBe(false);
    await callOk(core, 'loyalty-settings-update', { valueDiscountPercent: 10 });
    expect(schedule.due()).toBe(true);
    await schedule.runIfDue();
    expect((await callOk(core, 'loyalty-customer', { id: (await callOk(core, 'customers-create', { name: 'Ada' })).id })).value.fit?.annualDiscountRate).toBe(0.1);
    clock.set('2026-11-21T10:00:00Z');
    expect(schedule.due()).toBe(true);
    await schedule.runIfDue();
    schedule.start();
    core.events.emit('data-changed', { handler: 'import-commit' });
    expect(schedule.due()).toBe(true);
    schedule.stop();
  });

  it('predicts every customer once per fit: the catch-up after a fit leaves the predictions it wrote', async () => {
    const clock = fixedClock('2026-11-20T10:00:00Z');
    const core = freshCore({ now: clock.now });
    seedBook(core.db, { customers: 120, visits: 1200, seed: 5, days: 400, now: clock.now() });
    catchUpDerived({ db: core.db, now: clock.now });
    await callOk(core, 'loyalty-value-fit', {});
    const predictions = () => core.db.prepare('SELECT customer_id, value_lifetime_minor FROM customer_loyalty ORDER BY customer_id').all();
    const written = predictions();
    expect(written.some((row) => (row as { value_lifetime_minor: number | null }).value_lifetime_minor !== null)).toBe(true);
    // Written under the fit, as of now: nothing is behind, so nothing is made again.
    expect(catchUpDerived({ db: core.db, now: clock.now })).toBe(false);
    expect(predictions()).toEqual(written);
    // The day turning still remakes them, measured to the new day.
    clock.set('2026-11-21T10:00:00Z');
    expect(catchUpDerived({ db: core.db, now: clock.now })).toBe(true);
  });

  it('is the owner’s to run', async () => {
    const core = freshCore();
    await setUpOwner(core);
    expect(await core.call('loyalty-value-fit', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
