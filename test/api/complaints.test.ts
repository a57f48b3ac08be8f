import { describe, expect, it } from 'vitest';
import { bookSnapshot, callOk, fixedClock, freshCore, setUpOwner, testPin } from '../support/core';

type Core = ReturnType<typeof freshCore>;

const start = '2026-03-10T02:00:00.000Z';

/** A book in Taipei with one staff member at the counter and one customer. */
const shop = async (options: { owner?: boolean } = {}) => {
  const clock = fixedClock(start);
  const core = freshCore({ now: clock.now });
  await callOk(core, 'settings-update', { timeZone: 'Asia/Taipei' });
  const amy = await callOk(core, 'staff-create', { name: 'Amy' });
  await callOk(core, 'session-set-staff', { staffId: amy.id });
  const customer = await callOk(core, 'customers-create', { name: '陳美玲', phones: ['0912 345 678'] });
  if (options.owner !== false) await setUpOwner(core);
  return { core, clock, amy, customer };
};

const logHigh = (core: Core, customerId: string | null) =>
  callOk(core, 'complaints-log', { customerId, channel: 'in_person', category: 'product_quality', severity: 'high', description: 'Milk was sour' });

describe('complaints', () => {
  it("gives an archived customer's complaint no open reminder, as a full rebuild does", async () => {
    const openReminders = (core: Core) => core.db.prepare("SELECT kind, reason_key FROM reminders WHERE status = 'open' ORDER BY kind, reason_key").all();
    const { core, customer } = await shop({ owner: false });
    await logHigh(core, customer.id);
    await callOk(core, 'customers-archive', { id: customer.id });
    expect(openReminders(core)).toEqual([]);
    await callOk(core, 'loyalty-recompute', {});
    expect(openReminders(core)).toEqual([]);
  });

  it('logs a complaint with promises from its severity, owned by the staff member at the counter', async () => {
    const { core, amy, customer } = await shop();
    const complaint = await logHigh(core, customer.id);
    expect(complaint).toMatchObject({
      state: 'open',
      customerName: '陳美玲',
      ownerStaffId: amy.id,
      reply: { dueAt: '2026-03-10T04:00:00.000Z', outcome: null },
      resolve: { dueAt: '2026-03-11T02:00:00.000Z', outcome: null },
    });
    const detail = await callOk(core, 'complaints-get', { id: complaint.id });
    expect(detail.transitions).toMatchObject([{ action: 'log', fromState: null, toState: 'open', staffName: 'Amy', role: 'staff' }]);
    const anonymous = await logHigh(core, null);
    expect(anonymous.customerId).toBeNull();
  });

  it('records a promise kept when met exactly at its deadline', async () => {
    const { core, clock, customer } = await shop();
    const complaint = await logHigh(core, customer.id);
    clock.set('2026-03-10T04:00:00.000Z');
    const acknowledged = await callOk(core, 'complaints-acknowledge', { id: complaint.id, note: 'Called back' });
    expect(acknowledged.reply).toMatchObject({ outcome: 'kept', settledAt: '2026-03-10T04:00:00.000Z' });
    expect(acknowledged.state).toBe('acknowledged');
  });

  it('records a missed promise as broken at its deadline, even when nobody touched it, and never changes it', async () => {
    const { core, clock, customer } = await shop();
    const complaint = await logHigh(core, customer.id);
    clock.set('2026-03-10T04:00:00.001Z');
    const board = await callOk(core, 'complaints-list', { overdueOnly: true });
    expect(board.items.map((item) => item.id)).toEqual([complaint.id]);
    expect(board.items[0]?.reply).toMatchObject({ outcome: 'broken', settledAt: '2026-03-10T04:00:00.000Z' });
    clock.set('2026-03-10T05:00:00.000Z');
    const acknowledged = await callOk(core, 'complaints-acknowledge', { id: complaint.id, note: '' });
    expect(acknowledged.reply).toMatchObject({ outcome: 'broken', settledAt: '2026-03-10T04:00:00.000Z' });
    const resolved = await callOk(core, 'complaints-resolve', { id: complaint.id, resolution: 'Replaced the drink', compensation: null });
    expect(resolved.resolve).toMatchObject({ outcome: 'kept', settledAt: '2026-03-10T05:00:00.000Z' });
  });

  it('records promises missed while the app was closed when it opens again', async () => {
    const { core, customer } = await shop();
    const complaint = await logHigh(core, customer.id);
    const dataDir = core.info.dataDir;
    core.close();
    const reopened = freshCore({ dataDir, now: () => new Date('2026-03-12T00:00:00.000Z') });
    const outcomes = reopened.db.prepare('SELECT kind, outcome, settled_at FROM complaint_promises WHERE complaint_id = ? ORDER BY kind').all(complaint.id);
    expect(outcomes).toEqual([
      { kind: 'reply', outcome: 'broken', settled_at: '2026-03-10T04:00:00.000Z' },
      { kind: 'resolve', outcome: 'broken', settled_at: '2026-03-11T02:00:00.000Z' },
    ]);
  });

  it('refuses illegal steps with a clear reason and changes nothing', async () => {
    const { core, customer } = await shop();
    const complaint = await logHigh(core, customer.id);
    const before = bookSnapshot(core);
    expect(await core.call('complaints-follow-up', { id: complaint.id, satisfaction: 2, note: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', details: { reason: 'complaint_cannot_follow_up' } },
    });
    expect(await core.call('complaints-reopen', { id: complaint.id, note: 'again' })).toMatchObject({ ok: false, error: { details: { reason: 'complaint_cannot_reopen' } } });
    expect(bookSnapshot(core)).toBe(before);
  });

  it('needs the owner to approve compensation above the staff limit', async () => {
    const { core, clock, customer } = await shop();
    const complaint = await logHigh(core, customer.id);
    const before = bookSnapshot(core);
    const tooMuch = { id: complaint.id, resolution: 'Refunded', compensation: { kind: 'refund' as const, amountMinor: 80_000 } };
    expect(await core.call('complaints-resolve', tooMuch)).toMatchObject({ ok: false, error: { details: { reason: 'compensation_needs_approval' } } });
    expect(bookSnapshot(core)).toBe(before);
    // Within the limit staff decide alone, and see what was given but not how much.
    const small = await logHigh(core, customer.id);
    const resolvedSmall = await callOk(core, 'complaints-resolve', { id: small.id, resolution: 'Voucher', compensation: { kind: 'voucher', amountMinor: 10_000 } });
    expect(resolvedSmall.compensation).toEqual({ kind: 'voucher', amountMinor: null });

    const escalated = await callOk(core, 'complaints-escalate', { id: complaint.id, compensation: { kind: 'refund', amountMinor: 80_000 }, note: 'Regular for years' });
    expect(escalated.escalation).toMatchObject({ status: 'requested', proposed: { kind: 'refund', amountMinor: null } });
    expect(await core.call('complaints-decide-escalation', { id: complaint.id, approve: true, note: '' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await callOk(core, 'auth-unlock', { pin: testPin });
    const approved = await callOk(core, 'complaints-decide-escalation', { id: complaint.id, approve: true, note: 'Yes, refund in full' });
    expect(approved.escalation).toMatchObject({ status: 'approved', proposed: { amountMinor: 80_000 } });
    await callOk(core, 'auth-lock', {});
    clock.set('2026-03-10T03:00:00.000Z');
    const resolved = await callOk(core, 'complaints-resolve', { id: complaint.id, resolution: 'Refunded' });
    expect(resolved).toMatchObject({ state: 'resolved', compensation: { kind: 'refund', amountMinor: null }, reply: { outcome: 'kept' }, resolve: { outcome: 'kept' } });
    const steps = (await callOk(core, 'complaints-get', { id: complaint.id })).transitions.map((step) => [step.action, step.role]);
    expect(steps).toEqual([['log', 'staff'], ['escalate', 'staff'], ['approve', 'owner'], ['resolve', 'staff']]);

    await callOk(core, 'auth-unlock', { pin: testPin });
    const paid = await callOk(core, 'complaints-compensation-stats', { months: 1 });
    expect(paid).toEqual({ months: [{ month: '2026-03', paidMinor: 90_000, complaints: 2 }], paidMinor: 90_000 });
  });

  it('records satisfaction after the resolution, follows up, closes and reopens with a new resolve-by', async () => {
    const { core, clock, customer } = await shop();
    const complaint = await logHigh(core, customer.id);
    await callOk(core, 'complaints-resolve', { id: complaint.id, resolution: 'Replaced', compensation: null });
    const followUps = () => core.db.prepare("SELECT status, due_day FROM reminders WHERE kind = 'complaint_follow_up'").all();
    expect(followUps()).toEqual([{ status: 'open', due_day: '2026-03-13' }]);
    clock.set('2026-03-13T02:00:00.000Z');
    const followed = await callOk(core, 'complaints-follow-up', { id: complaint.id, satisfaction: 2, note: 'Happy again' });
    expect(followed).toMatchObject({ state: 'followed_up', satisfaction: 2 });
    expect(core.db.prepare("SELECT customer_id, level, source FROM satisfaction_answers WHERE source = 'complaint'").all()).toEqual([
      { customer_id: customer.id, level: 2, source: 'complaint' },
    ]);
    expect(followUps()).toEqual([{ status: 'obsolete', due_day: '2026-03-13' }]);
    await callOk(core, 'complaints-close', { id: complaint.id, note: '' });
    clock.set('2026-03-14T02:00:00.000Z');
    const reopened = await callOk(core, 'complaints-reopen', { id: complaint.id, note: 'It happened again' });
    expect(reopened).toMatchObject({ state: 'acknowledged', resolve: { dueAt: '2026-03-15T02:00:00.000Z', outcome: null } });
    const detail = await callOk(core, 'complaints-get', { id: complaint.id });
    expect(detail.promises.map((promise) => [promise.kind, promise.outcome])).toEqual([['reply', 'kept'], ['resolve', 'kept'], ['resolve', null]]);
  });

  it('raises a deadline reminder for the owner of the complaint and closes it when the promise is met', async () => {
    const { core, amy, customer } = await shop();
    const complaint = await logHigh(core, customer.id);
    const deadlines = () => core.db.prepare("SELECT status, due_day, assignee_id, facts_json FROM reminders WHERE kind = 'complaint_deadline' ORDER BY created_at").all();
    expect(deadlines()).toEqual([{ status: 'open', due_day: '2026-03-10', assignee_id: amy.id, facts_json: expect.stringContaining('"dueTime":"12:00"') }]);
    await callOk(core, 'complaints-acknowledge', { id: complaint.id, note: '' });
    expect(deadlines().map((row) => (row as { status: string }).status)).toEqual(['obsolete', 'open']);
  });

  it('shows complaints on the customer timeline, filters the board and counts the stats', async () => {
    const { core, clock, customer } = await shop();
    const first = await logHigh(core, customer.id);
    await callOk(core, 'complaints-acknowledge', { id: first.id, note: '' });
    clock.set('2026-03-10T05:00:00.000Z');
    await callOk(core, 'complaints-resolve', { id: first.id, resolution: 'Replaced', compensation: null });
    await callOk(core, 'complaints-log', { customerId: customer.id, channel: 'phone', category: 'price', severity: 'low', description: 'Charged twice' });
    const timeline = await callOk(core, 'customers-timeline', { id: customer.id });
    expect(timeline.items.filter((item) => item.kind === 'complaint')).toHaveLength(2);
    const board = await callOk(core, 'complaints-list', { query: 'twice' });
    expect(board.items.map((item) => item.description)).toEqual(['Charged twice']);
    expect((await callOk(core, 'complaints-list', { states: ['resolved'] })).counts).toMatchObject({ resolved: 1, open: 0 });
    const stats = await callOk(core, 'complaints-stats', { months: 2 });
    expect(stats.months.at(-1)).toMatchObject({ month: '2026-03', logged: 2, promisesSettled: 2, promisesKept: 2, keptPercent: 100, medianReplyMinutes: 0, medianResolveMinutes: 180 });
    expect(stats.repeatComplainers).toEqual([{ customerId: customer.id, name: '陳美玲', complaints: 2 }]);
  });

  it('orders the board by what is still to act on, the soonest deadline first, within its limit; finds by the customer’s name; counts every match', async () => {
    const { core, clock, customer } = await shop();
    const other = await callOk(core, 'customers-create', { name: 'Walter Lin' });
    const logAt = async (at: string, customerId: string | null, description: string) => {
      clock.set(at);
      return callOk(core, 'complaints-log', { customerId, channel: 'phone', category: 'price', severity: 'low', description });
    };
    const oldOpen = await logAt('2026-03-10T03:00:00.000Z', customer.id, 'old open');
    const acknowledged = await logAt('2026-03-10T04:00:00.000Z', other.id, 'acknowledged');
    await callOk(core, 'complaints-acknowledge', { id: acknowledged.id, note: '' });
    const resolved = await logAt('2026-03-10T05:00:00.000Z', customer.id, 'resolved');
    await callOk(core, 'complaints-acknowledge', { id: resolved.id, note: '' });
    await callOk(core, 'complaints-resolve', { id: resolved.id, resolution: 'Refunded', compensation: null });
    await logAt('2026-03-10T06:00:00.000Z', null, 'new open, no customer');
    await logAt('2026-03-10T07:00:00.000Z', other.id, 'newest open');
    // Logged last, but serious: its reply is due in two hours, before any other open one's.
    clock.set('2026-03-10T07:30:00.000Z');
    await callOk(core, 'complaints-log', { customerId: other.id, channel: 'phone', category: 'price', severity: 'high', description: 'urgent' });

    const board = await callOk(core, 'complaints-list', {});
    expect(board.items.map((item) => item.description)).toEqual(['urgent', 'old open', 'new open, no customer', 'newest open', 'acknowledged', 'resolved']);
    expect(board.items.map((item) => item.customerName)).toEqual(['Walter Lin', '陳美玲', null, 'Walter Lin', 'Walter Lin', '陳美玲']);
    expect(board.counts).toMatchObject({ open: 4, acknowledged: 1, resolved: 1 });
    const firstTwo = await callOk(core, 'complaints-list', { limit: 2 });
    expect(firstTwo.items.map((item) => item.description)).toEqual(['urgent', 'old open']);
    expect(firstTwo.counts).toEqual(board.counts);
    const walter = await callOk(core, 'complaints-list', { query: 'walter' });
    expect(walter.items.map((item) => item.description)).toEqual(['urgent', 'newest open', 'acknowledged']);
    expect(walter.counts).toMatchObject({ open: 2, acknowledged: 1, resolved: 0 });
    expect((await callOk(core, 'complaints-list', { customerId: customer.id, states: ['open'] })).items.map((item) => item.id)).toEqual([oldOpen.id]);
  });

  it('moves complaints to the survivor of a merge, back on undo, and deletes them with a purged customer', async () => {
    const { core, customer } = await shop();
    await callOk(core, 'auth-unlock', { pin: testPin });
    const twin = await callOk(core, 'customers-create', { name: '陳美鈴', phones: ['0933 000 111'] });
    const complaint = await logHigh(core, twin.id);
    const merged = await callOk(core, 'customers-merge', { survivorId: customer.id, absorbedId: twin.id, fields: { name: '陳美玲', phones: ['0912 345 678'] } });
    expect((await callOk(core, 'complaints-get', { id: complaint.id })).complaint.customerId).toBe(customer.id);
    await callOk(core, 'customers-merge-undo', { mergeId: merged.merge.id });
    expect((await callOk(core, 'complaints-get', { id: complaint.id })).complaint.customerId).toBe(twin.id);
    await callOk(core, 'customers-archive', { id: twin.id });
    await callOk(core, 'customers-purge', { id: twin.id });
    expect(core.db.prepare('SELECT (SELECT count(*) FROM complaints) + (SELECT count(*) FROM complaint_promises) + (SELECT count(*) FROM complaint_transitions)').pluck().get()).toBe(0);
  });

  it('lets the owner change the promise hours and count only opening hours', async () => {
    const { core, clock, customer } = await shop();
    expect(await core.call('complaints-settings-update', { replyHoursHigh: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await callOk(core, 'auth-unlock', { pin: testPin });
    await callOk(core, 'complaints-settings-update', { replyHoursHigh: 1, openingHoursOnly: true, opensAt: '10:00', closesAt: '18:00', openDays: [1, 2, 3, 4, 5] });
    // Tuesday 17:30 Taipei: half an hour today, the other half from 10:00 on Wednesday.
    clock.set('2026-03-10T09:30:00.000Z');
    const complaint = await logHigh(core, customer.id);
    expect(complaint.reply.dueAt).toBe('2026-03-11T02:30:00.000Z');
    expect(complaint.compensation).toBeNull();
  });
});
