import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { afterWrite, rebuildDerived } from '../../electron/core/derive';
import type { ChartData, DashboardSection } from '../../shared/contract/loyalty';
import { daysSince } from '../../shared/days-since';
import { callOk, fixedClock, freshCore } from '../support/core';
import { derivedState } from '../support/derived-state';

/** A Taipei shop; 09:00 local on 10 March 2026 unless a test moves the clock. */
const shop = async (start = '2026-03-10T01:00:00.000Z') => {
  const clock = fixedClock(start);
  const core = freshCore({ now: clock.now });
  await callOk(core, 'settings-update', { timeZone: 'Asia/Taipei', currency: 'TWD' });
  return { core, clock };
};

const lapsedIn = (sections: readonly DashboardSection[], period: string): number | null | undefined => {
  const data = sections.find((section) => section.name === 'customer_flow')?.data as ChartData;
  if (data.shape !== 'periods') throw new Error('not a periods chart');
  return data.rows.find((row) => row.period === period)?.values.lapsed;
};

const customerRow = (core: Core, id: string) =>
  core.db.prepare('SELECT first_visit_at, last_visit_at, visit_count, revenue_minor, visit_rhythm_days, lapses_on FROM customers WHERE id = ?').get(id);

describe('one definition per figure', () => {
  it('counts as lapsed this month only customers whose lapse day has come, not those still to come', async () => {
    const { core } = await shop();
    const came = await callOk(core, 'customers-create', { name: 'Lapsed on the 5th' });
    const coming = await callOk(core, 'customers-create', { name: 'Lapses on the 22nd' });
    // One visit each: lapsed 61 days after it (the fallback of 60 days).
    await callOk(core, 'visits-log', { customerId: came.id, occurredAt: '2026-01-03T10:00:00+08:00' });
    await callOk(core, 'visits-log', { customerId: coming.id, occurredAt: '2026-01-20T10:00:00+08:00' });
    expect((await callOk(core, 'winback-standing', { customerId: came.id })).lapsesOn).toBe('2026-03-05');
    expect((await callOk(core, 'winback-standing', { customerId: coming.id })).lapsesOn).toBe('2026-03-22');
    const dashboard = await callOk(core, 'loyalty-dashboard', { fromMonth: '2026-01', toMonth: '2026-03' });
    expect(lapsedIn(dashboard.sections, '2026-03')).toBe(1);
  });

  it('says the same number of days since the last visit at the profile’s top and in its recency block', async () => {
    // 17:00 on 10 March in Taipei; the visit was at 23:30 the evening before: "yesterday", 17.5 hours ago.
    const { core, clock } = await shop('2026-03-10T09:00:00.000Z');
    const ada = await callOk(core, 'customers-create', { name: 'Ada' });
    await callOk(core, 'visits-log', { customerId: ada.id, occurredAt: '2026-03-09T23:30:00+08:00' });
    const detail = await callOk(core, 'customers-get', { id: ada.id });
    const loyalty = await callOk(core, 'loyalty-customer', { id: ada.id });
    expect(daysSince(detail.lastVisitAt as string, clock.now(), 'Asia/Taipei')).toBe(1);
    expect(loyalty.rfm.recencyDays).toBe(1);
  });

  it('keeps a message sent today apart from a visit: the list shows no last visit for someone never seen', async () => {
    const { core } = await shop();
    const messaged = await callOk(core, 'customers-create', { name: 'Only messaged' });
    await callOk(core, 'visits-log-contact', { customerId: messaged.id, method: 'message' });
    const fresh = await callOk(core, 'customers-create', { name: 'Only signed up' });
    const { rows } = await callOk(core, 'customers-search', { query: 'Only' });
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(messaged.id)).toMatchObject({ visitCount: 0, lastVisitAt: null, lastContactAt: '2026-03-10T01:00:00.000Z' });
    expect(byId.get(fresh.id)).toMatchObject({ visitCount: 0, lastVisitAt: null, lastContactAt: null });
  });
});

describe('history imported from another tool', () => {
  it('counts into the activity summary and gives the rhythm while few visits are logged here', async () => {
    const { core, clock } = await shop();
    const regular = await callOk(core, 'customers-create', { name: 'Imported regular' });
    // 37 visits over 360 days in the old tool: a visit every 10 days on average.
    core.db
      .prepare(
        `INSERT INTO imported_histories (id, customer_id, import_id, source_name, visit_count, revenue_minor, first_visit_at, last_visit_at, recorded_at)
         VALUES ('h1', ?, 'i1', 'square.csv', 37, 120450, '2025-02-01T02:00:00.000Z', '2026-01-27T02:00:00.000Z', '2026-03-10T01:00:00.000Z')`,
      )
      .run(regular.id);
    afterWrite({ db: core.db, now: clock.now }, { customerIds: [regular.id] });
    expect(customerRow(core, regular.id)).toEqual({
      first_visit_at: '2025-02-01T02:00:00.000Z',
      last_visit_at: '2026-01-27T02:00:00.000Z',
      visit_count: 37,
      revenue_minor: 120450,
      visit_rhythm_days: 10,
      // Away past twice the rhythm (20 days) after 27 January: lapsed from 17 February.
      lapses_on: '2026-02-17',
    });

    await callOk(core, 'visits-log', { customerId: regular.id, amountMinor: 5000 });
    expect(customerRow(core, regular.id)).toMatchObject({ first_visit_at: '2025-02-01T02:00:00.000Z', last_visit_at: '2026-03-10T01:00:00.000Z', visit_count: 38, revenue_minor: 125450, visit_rhythm_days: 10 });
    const incremental = derivedState(core.db);
    rebuildDerived({ db: core.db, now: clock.now });
    expect(derivedState(core.db)).toEqual(incremental);
  });
});

describe('rules changed: the figures catch up off the counter’s thread', () => {
  const lapsesOn = (core: Core, id: string) => core.db.prepare('SELECT lapses_on FROM customers WHERE id = ?').pluck().get(id);

  it('rebuilds the lapse days in the recompute job, and still here when another job holds the runner', async () => {
    const { core } = await shop();
    const ada = await callOk(core, 'customers-create', { name: 'Ada' });
    for (const days of [40, 30, 20, 10]) await callOk(core, 'visits-log', { customerId: ada.id, occurredAt: new Date(Date.parse('2026-03-10T01:00:00.000Z') - days * 86_400_000).toISOString() });
    const jobs: string[] = [];
    core.events.on('job-finished', (event) => jobs.push(`${event.kind}:${event.ok}`));
    const before = lapsesOn(core, ada.id);

    await callOk(core, 'reminders-settings-update', { lapseMultiplier: 3 });
    expect(jobs).toEqual(['recompute:true']);
    const afterJob = lapsesOn(core, ada.id);
    expect(afterJob).not.toBe(before);

    // A backup (or any job) holds the runner: the pass is not skipped, it runs on the core's thread.
    const held = await core.jobs.reserve();
    await callOk(core, 'reminders-settings-update', { lapseMultiplier: 2 });
    held?.release();
    expect(jobs).toEqual(['recompute:true']);
    expect(lapsesOn(core, ada.id)).toBe(before);

    const incremental = derivedState(core.db);
    rebuildDerived({ db: core.db, now: () => new Date('2026-03-10T01:00:00.000Z') });
    expect(derivedState(core.db)).toEqual(incremental);
  });
});
