import { describe, expect, it } from 'vitest';
import type { Agenda, AgendaItem } from '../../shared/contract/reminders';
import { reminderKind } from '../../shared/reminders/kinds';
import { generateReminders } from '../../electron/core/reminders/engine';
import { afterWrite, rebuildDerived, rebuildDerivedThrough } from '../../electron/core/derive';
import type { Core } from '../../electron/core/core';
import { callOk, fixedClock, freshCore } from '../support/core';

/** A Taipei shop; 09:00 local on 10 March 2026 unless a test moves the clock. */
const shop = async (start = '2026-03-10T01:00:00.000Z') => {
  const clock = fixedClock(start);
  const core = freshCore({ now: clock.now });
  await callOk(core, 'settings-update', { timeZone: 'Asia/Taipei', currency: 'TWD' });
  return { core, clock };
};

const all = (agenda: Agenda): AgendaItem[] => [...agenda.overdue.items, ...agenda.dueToday.items, ...agenda.upcoming.items];
const ofKind = (agenda: Agenda, kind: string) => all(agenda).filter((item) => item.kind === kind);
const regenerate = (core: Core, now: () => Date) => generateReminders({ db: core.db, now });
const reminderRows = (core: Core) => core.db.prepare('SELECT kind, reason_key, status, due_day FROM reminders ORDER BY kind, reason_key').all();

const title = (item: AgendaItem) =>
  reminderKind(item.kind)?.title({
    language: 'en',
    customerName: item.customer?.name ?? null,
    customer: item.customer,
    facts: item.facts,
    note: item.note,
    format: { money: (minor) => `NT$${minor / 100}`, day: (day) => day },
  });

/** Logs visits at the given Taipei-local days (10:00 local), oldest first. */
const visitOn = async (core: Core, customerId: string, days: readonly string[]) => {
  for (const day of days) await callOk(core, 'visits-log', { customerId, amountMinor: 12000, occurredAt: `${day}T10:00:00+08:00` });
};

describe('after-sale follow-up', () => {
  it('appears N days after a first visit, on its due day, and leaves with a note when done', async () => {
    const { core, clock } = await shop();
    const customer = await callOk(core, 'customers-create', { name: '王小明', phones: ['0912-345-678'] });
    await callOk(core, 'visits-log', { customerId: customer.id, amountMinor: 12000 });

    const first = await callOk(core, 'reminders-agenda', {});
    expect(first.upcoming.items).toMatchObject([{ kind: 'follow_up', dueDay: '2026-03-13', customer: { name: '王小明', phones: ['0912-345-678'] } }]);
    expect(first.dueToday.total).toBe(0);

    clock.set('2026-03-13T01:00:00.000Z');
    const dueDay = await callOk(core, 'reminders-agenda', {});
    expect(dueDay.dueToday.items).toHaveLength(1);
    const item = dueDay.dueToday.items[0] as AgendaItem;
    expect(title(item)).toBe('Follow up with 王小明 after their first visit on 2026-03-10');

    const done = await callOk(core, 'reminders-complete', { id: item.id, note: 'Loved the latte' });
    expect(done).toMatchObject({ status: 'done', outcomeNote: 'Loved the latte' });
    expect(all(await callOk(core, 'reminders-agenda', {}))).toEqual([]);
    const timeline = await callOk(core, 'customers-timeline', { id: customer.id });
    expect(timeline.items[0]).toMatchObject({ kind: 'reminder', reminder: { kind: 'follow_up', outcomeNote: 'Loved the latte' } });
  });

  it('follows up a later purchase only when it reaches the set amount', async () => {
    const { core } = await shop();
    await callOk(core, 'reminders-settings-update', { followUpMinAmountMinor: 100000, followUpFirstVisit: false });
    const customer = await callOk(core, 'customers-create', { name: 'Ada' });
    await visitOn(core, customer.id, ['2026-03-01']);
    await callOk(core, 'visits-log', { customerId: customer.id, amountMinor: 20000 });
    const big = await callOk(core, 'visits-log', { customerId: customer.id, amountMinor: 150000 });
    const followUps = ofKind(await callOk(core, 'reminders-agenda', {}), 'follow_up');
    expect(followUps.map((item) => item.subjectId)).toEqual([big.id]);
    expect(title(followUps[0] as AgendaItem)).toBe('Follow up with Ada on their NT$1500 purchase on 2026-03-10');
  });

  it('goes away when the visit is archived as a mistake', async () => {
    const { core } = await shop();
    const customer = await callOk(core, 'customers-create', { name: 'Ada' });
    const visit = await callOk(core, 'visits-log', { customerId: customer.id });
    await callOk(core, 'visits-archive', { id: visit.id });
    expect(all(await callOk(core, 'reminders-agenda', {}))).toEqual([]);
    expect(reminderRows(core)).toMatchObject([{ kind: 'follow_up', status: 'obsolete' }]);
  });
});

describe('generation', () => {
  it('is idempotent and restart-safe: the same reason never raises two reminders', async () => {
    const { core, clock } = await shop();
    const customer = await callOk(core, 'customers-create', { name: 'Ada', birthday: { month: 3, day: 12 } });
    await visitOn(core, customer.id, ['2026-03-09']);
    const before = reminderRows(core);
    expect(before).toHaveLength(2);
    for (let i = 0; i < 3; i += 1) regenerate(core, clock.now);
    expect(reminderRows(core)).toEqual(before);

    const dataDir = core.info.dataDir;
    core.close();
    const reopened = freshCore({ dataDir, now: clock.now });
    expect(reminderRows(reopened)).toEqual(before);
  });

  it('never brings back what a person closed, and reopens what the app closed when its reason returns', async () => {
    const { core, clock } = await shop();
    const dismissedOne = await callOk(core, 'customers-create', { name: 'Ada', birthday: { month: 3, day: 12 } });
    const archivedOne = await callOk(core, 'customers-create', { name: 'Ben', birthday: { month: 3, day: 13 } });
    const [adaBirthday] = ofKind(await callOk(core, 'reminders-agenda', {}), 'birthday');
    await callOk(core, 'reminders-dismiss', { id: (adaBirthday as AgendaItem).id });
    await callOk(core, 'customers-archive', { id: archivedOne.id });
    regenerate(core, clock.now);
    expect(all(await callOk(core, 'reminders-agenda', {}))).toEqual([]);
    expect(reminderRows(core)).toMatchObject([
      { reason_key: `${dismissedOne.id}:2026-03-12`, status: 'dismissed' },
      { reason_key: `${archivedOne.id}:2026-03-13`, status: 'obsolete' },
    ]);
    await callOk(core, 'customers-unarchive', { id: archivedOne.id });
    expect(ofKind(await callOk(core, 'reminders-agenda', {}), 'birthday').map((item) => item.customer?.name)).toEqual(['Ben']);
  });

  it('follows a change of settings: open reminders move, done ones stay as they were', async () => {
    const { core } = await shop();
    const ada = await callOk(core, 'customers-create', { name: 'Ada' });
    const ben = await callOk(core, 'customers-create', { name: 'Ben' });
    await callOk(core, 'visits-log', { customerId: ada.id });
    await callOk(core, 'visits-log', { customerId: ben.id });
    const benFollowUp = ofKind(await callOk(core, 'reminders-agenda', {}), 'follow_up').find((item) => item.customerId === ben.id) as AgendaItem;
    await callOk(core, 'reminders-complete', { id: benFollowUp.id, note: 'called early' });

    await callOk(core, 'reminders-settings-update', { followUpDays: 5 });
    const agenda = await callOk(core, 'reminders-agenda', {});
    expect(ofKind(agenda, 'follow_up').map((item) => [item.customer?.name, item.dueDay])).toEqual([['Ada', '2026-03-15']]);
    expect(core.db.prepare('SELECT due_day, status FROM reminders WHERE id = ?').get(benFollowUp.id)).toEqual({ due_day: '2026-03-13', status: 'done' });

    await callOk(core, 'reminders-settings-update', { followUpFirstVisit: false });
    expect(ofKind(await callOk(core, 'reminders-agenda', {}), 'follow_up')).toEqual([]);
  });

  it('lets only the owner change the rules, refuses a minimum above the maximum, and audits the change', async () => {
    const { core } = await shop();
    core.session.role = 'staff';
    expect(await core.call('reminders-settings-update', { followUpDays: 7 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await callOk(core, 'reminders-settings-get', {})).toMatchObject({ followUpDays: 3, lapseMultiplier: 2 });
    core.session.role = 'owner';
    expect(await core.call('reminders-settings-update', { lapseMinDays: 200, lapseMaxDays: 100 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'lapseMinDays', rule: 'too_big', limit: 100 }] } },
    });
    expect(await core.callUnknown('reminders-settings-update', { followUpDays: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    await callOk(core, 'reminders-settings-update', { followUpDays: 7 });
    const audit = core.db.prepare("SELECT before_json, after_json FROM audit_log WHERE action = 'reminder_settings.update'").all();
    expect(audit).toEqual([{ before_json: '{"followUpDays":3}', after_json: '{"followUpDays":7}' }]);
  });
});

describe('birthdays', () => {
  it('raises a greeting N days ahead, shows the age when the year is known, and follows an edited birthday', async () => {
    const { core } = await shop();
    const ada = await callOk(core, 'customers-create', { name: 'Ada', birthday: { month: 3, day: 15, year: 1990 } });
    await callOk(core, 'customers-create', { name: 'Ben', birthday: { month: 3, day: 20 } });
    await callOk(core, 'customers-create', { name: 'Cy', birthday: { month: 4, day: 1 } });
    const birthdays = ofKind(await callOk(core, 'reminders-agenda', {}), 'birthday');
    expect(birthdays.map((item) => [item.customer?.name, item.dueDay, title(item)])).toEqual([
      ['Ada', '2026-03-12', 'Ada turns 36 on 2026-03-15'],
      ['Ben', '2026-03-17', 'Ben’s birthday on 2026-03-20'],
    ]);
    await callOk(core, 'customers-update', { id: ada.id, fields: { name: 'Ada', birthday: { month: 5, day: 1 } } });
    expect(ofKind(await callOk(core, 'reminders-agenda', {}), 'birthday').map((item) => item.customer?.name)).toEqual(['Ben']);
  });

  it('greets someone born on 29 February on the 28th in a common year', async () => {
    const { core } = await shop('2027-02-20T01:00:00.000Z');
    await callOk(core, 'customers-create', { name: 'Leap', birthday: { month: 2, day: 29 } });
    expect(ofKind(await callOk(core, 'reminders-agenda', {}), 'birthday')).toMatchObject([{ dueDay: '2027-02-25', facts: { birthdayDay: '2027-02-28' } }]);
  });
});

describe('adaptive lapse and win-back', () => {
  it('flags a regular who stayed away past twice their rhythm: "usually every 9 days — 31 days ago"', async () => {
    const { core } = await shop('2026-04-10T01:00:00.000Z');
    const regular = await callOk(core, 'customers-create', { name: '陳小姐' });
    await visitOn(core, regular.id, ['2026-02-04', '2026-02-13', '2026-02-22', '2026-03-03', '2026-03-10']);
    const standing = await callOk(core, 'winback-standing', { customerId: regular.id });
    expect(standing).toMatchObject({ state: 'lapsed', rhythmDays: 9, thresholdDays: 18, daysAway: 31, lastActivityKind: 'visit', lapsesOn: '2026-03-29' });
    const [winBack] = ofKind(await callOk(core, 'reminders-agenda', {}), 'win_back');
    expect(winBack).toMatchObject({ dueDay: '2026-03-29', customer: { rhythmDays: 9, daysAway: 31 } });
    expect(title(winBack as AgendaItem)).toBe('Win back 陳小姐: usually every 9 days — 31 days ago');
  });

  it('resets on any visit or logged contact', async () => {
    const { core } = await shop('2026-04-10T01:00:00.000Z');
    const regular = await callOk(core, 'customers-create', { name: 'Ada' });
    await visitOn(core, regular.id, ['2026-02-04', '2026-02-13', '2026-02-22', '2026-03-03', '2026-03-10']);
    await callOk(core, 'visits-log-contact', { customerId: regular.id, method: 'call' });
    // The call keeps Ada from lapsing, but she was not here: the profile says she was in touch today, not here.
    expect(await callOk(core, 'winback-standing', { customerId: regular.id })).toMatchObject({ state: 'active', daysAway: 0, lastActivityKind: 'contact', lapsesOn: '2026-04-29' });
    expect(ofKind(await callOk(core, 'reminders-agenda', {}), 'win_back')).toEqual([]);
  });

  it('falls back for a customer with one visit, and shows who is about to lapse this week', async () => {
    const { core } = await shop('2026-04-10T01:00:00.000Z');
    const once = await callOk(core, 'customers-create', { name: 'Once' });
    await visitOn(core, once.id, ['2026-02-12']);
    expect(await callOk(core, 'winback-standing', { customerId: once.id })).toMatchObject({ state: 'active', thresholdDays: 60, lapsesOn: '2026-04-14' });
    const [upcoming] = (await callOk(core, 'reminders-agenda', {})).upcoming.items.filter((item) => item.kind === 'win_back');
    expect(upcoming).toMatchObject({ dueDay: '2026-04-14', customer: { rhythmDays: null, daysAway: 57 } });
    expect(title(upcoming as AgendaItem)).toBe('Win back Once: came once — 57 days ago');
  });

  it('records win-back calls: no answer comes back in a few days, declined is done and may be lost, and a return visit wins them back', async () => {
    const { core, clock } = await shop('2026-04-10T01:00:00.000Z');
    const staff = await callOk(core, 'staff-create', { name: '阿芳' });
    await callOk(core, 'session-set-staff', { staffId: staff.id });
    const regular = await callOk(core, 'customers-create', { name: 'Ada' });
    await visitOn(core, regular.id, ['2026-02-04', '2026-02-13', '2026-02-22', '2026-03-03', '2026-03-10']);
    const [winBack] = ofKind(await callOk(core, 'reminders-agenda', {}), 'win_back') as [AgendaItem];

    const noAnswer = await callOk(core, 'winback-record-attempt', { customerId: regular.id, reminderId: winBack.id, outcome: 'no_answer' });
    expect(noAnswer.reminder).toMatchObject({ status: 'open', snoozedUntil: '2026-04-13', agendaDay: '2026-04-13' });
    const declined = await callOk(core, 'winback-record-attempt', { customerId: regular.id, reminderId: winBack.id, outcome: 'declined', note: 'found a cheaper place' });
    expect(declined).toMatchObject({ reminder: { status: 'done', outcomeNote: 'found a cheaper place' }, attempt: { outcome: 'declined', staffName: '阿芳' } });
    expect(await core.call('winback-record-attempt', { customerId: regular.id, reminderId: winBack.id, outcome: 'declined' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', details: { reason: 'reminder_closed' } },
    });

    const lost = await callOk(core, 'winback-mark-lost', { customerId: regular.id, reason: 'price', note: 'chain store nearby' });
    expect(await callOk(core, 'winback-standing', { customerId: regular.id })).toMatchObject({ state: 'lost', lost: { id: lost.id, reason: 'price' } });
    expect(await core.call('winback-mark-lost', { customerId: regular.id, reason: 'competitor' })).toMatchObject({ ok: false, error: { details: { reason: 'customer_lost' } } });

    clock.set('2026-05-02T02:00:00.000Z');
    await callOk(core, 'visits-log', { customerId: regular.id, amountMinor: 9000 });
    expect(await callOk(core, 'winback-standing', { customerId: regular.id })).toMatchObject({ state: 'active', lost: null });

    const timeline = await callOk(core, 'customers-timeline', { id: regular.id, limit: 6 });
    expect(timeline.items.slice(0, 5).map((item) => item.kind)).toEqual(['customer_status', 'visit', 'customer_status', 'win_back_attempt', 'win_back_attempt']);
    expect(timeline.items[0]).toMatchObject({ kind: 'customer_status', event: { kind: 'won_back', from: 'lost', daysAway: 53, afterAttempt: true } });
    expect(timeline.items[2]).toMatchObject({ kind: 'customer_status', event: { kind: 'lost', reason: 'price', note: 'chain store nearby', staffName: '阿芳' } });

    const stats = await callOk(core, 'winback-stats', { from: '2026-04-01', to: '2026-05-31' });
    expect(stats.attemptsByOutcome).toEqual({ came_back: 0, declined: 1, unreachable: 0, no_answer: 1 });
    expect(stats.lostByReason).toMatchObject({ price: 1, competitor: 0 });
    expect(stats.wonBack).toEqual({ total: 1, fromLapsed: 0, fromLost: 1, afterAttempt: 1 });
    expect((await callOk(core, 'winback-stats', { from: '2026-06-01', to: '2026-06-30' })).wonBack.total).toBe(0);
  });

  it('counts a lapsed customer’s own return as won back, and takes it back when that visit was a mistake', async () => {
    const { core, clock } = await shop('2026-04-10T01:00:00.000Z');
    const regular = await callOk(core, 'customers-create', { name: 'Ada' });
    await visitOn(core, regular.id, ['2026-02-04', '2026-02-13', '2026-02-22', '2026-03-03', '2026-03-10']);
    clock.set('2026-04-11T02:00:00.000Z');
    const back = await callOk(core, 'visits-log', { customerId: regular.id });
    const [event] = (await callOk(core, 'customers-timeline', { id: regular.id, limit: 1 })).items;
    expect(event).toMatchObject({ kind: 'customer_status', event: { kind: 'won_back', from: 'lapsed', daysAway: 32, afterAttempt: false, visitId: back.id } });
    await callOk(core, 'visits-archive', { id: back.id });
    expect((await callOk(core, 'winback-stats', { from: '2026-04-01', to: '2026-04-30' })).wonBack.total).toBe(0);
    expect(await callOk(core, 'winback-standing', { customerId: regular.id })).toMatchObject({ state: 'lapsed' });
  });

  it('marks won back by hand only from lost, and undoes a mistaken "lost"', async () => {
    const { core } = await shop();
    const customer = await callOk(core, 'customers-create', { name: 'Ada' });
    expect(await core.call('winback-mark-won-back', { customerId: customer.id })).toMatchObject({ ok: false, error: { details: { reason: 'customer_not_lost' } } });
    const lost = await callOk(core, 'winback-mark-lost', { customerId: customer.id, reason: 'involuntary', note: 'moved to Tainan' });
    expect((await callOk(core, 'winback-undo-status', { id: lost.id })).state).toBe('new');
    expect(await core.call('winback-undo-status', { id: lost.id })).toMatchObject({ ok: false, error: { details: { reason: 'status_undone' } } });
    await callOk(core, 'winback-mark-lost', { customerId: customer.id, reason: 'competitor' });
    expect(await callOk(core, 'winback-mark-won-back', { customerId: customer.id, note: 'came for the new menu' })).toMatchObject({ kind: 'won_back', from: 'lost' });
    expect((await callOk(core, 'winback-stats', { from: '2026-03-01', to: '2026-03-31' })).lostByReason).toMatchObject({ involuntary: 0, competitor: 1 });
  });

  it('recomputes every lapse when the lapse rules change', async () => {
    const { core } = await shop('2026-04-10T01:00:00.000Z');
    const regular = await callOk(core, 'customers-create', { name: 'Ada' });
    await visitOn(core, regular.id, ['2026-02-04', '2026-02-13', '2026-02-22', '2026-03-03', '2026-03-10']);
    expect(ofKind(await callOk(core, 'reminders-agenda', {}), 'win_back')).toHaveLength(1);
    await callOk(core, 'reminders-settings-update', { lapseMultiplier: 4 });
    expect(await callOk(core, 'winback-standing', { customerId: regular.id })).toMatchObject({ state: 'active', thresholdDays: 36, lapsesOn: '2026-04-16' });
    const winBacks = ofKind(await callOk(core, 'reminders-agenda', {}), 'win_back');
    expect(winBacks.map((item) => [item.dueDay, item.status])).toEqual([['2026-04-16', 'open']]);
  });
});

describe('the agenda', () => {
  it('moves with the shop’s midnight: just before it a reminder is tomorrow’s, just after it is today’s', async () => {
    const { core, clock } = await shop();
    const customer = await callOk(core, 'customers-create', { name: 'Ada' });
    await callOk(core, 'reminders-create', { customerId: customer.id, dueDay: '2026-03-11', note: 'call about the cake' });
    clock.set('2026-03-10T15:59:59.999Z');
    const before = await callOk(core, 'reminders-agenda', {});
    expect([before.today, before.dueToday.total, before.upcoming.total]).toEqual(['2026-03-10', 0, 1]);
    clock.set('2026-03-10T16:00:00.000Z');
    const after = await callOk(core, 'reminders-agenda', {});
    expect([after.today, after.dueToday.total, after.upcoming.total]).toEqual(['2026-03-11', 1, 0]);
    clock.set('2026-03-11T16:00:00.000Z');
    expect((await callOk(core, 'reminders-agenda', {})).overdue.items).toMatchObject([{ note: 'call about the cake' }]);
  });

  it('snoozes by a day, a week or to a chosen day; dismisses; and undoes', async () => {
    const { core } = await shop();
    const reminder = await callOk(core, 'reminders-create', { dueDay: '2026-03-10', note: 'order more beans' });
    expect(await core.call('reminders-snooze', { id: reminder.id, until: '2026-03-10' })).toMatchObject({ ok: false, error: { details: { reason: 'snooze_not_future' } } });
    expect(await callOk(core, 'reminders-snooze', { id: reminder.id, until: '2026-03-17' })).toMatchObject({ dueDay: '2026-03-10', agendaDay: '2026-03-17' });
    expect((await callOk(core, 'reminders-agenda', {})).upcoming.items.map((item) => item.id)).toEqual([reminder.id]);
    await callOk(core, 'reminders-dismiss', { id: reminder.id });
    expect(await core.call('reminders-complete', { id: reminder.id })).toMatchObject({ ok: false, error: { details: { reason: 'reminder_closed' } } });
    expect(await callOk(core, 'reminders-reopen', { id: reminder.id })).toMatchObject({ status: 'open' });
    expect(await core.call('reminders-reopen', { id: reminder.id })).toMatchObject({ ok: false, error: { details: { reason: 'reminder_open' } } });
    expect(await core.call('reminders-create', { dueDay: '2026-03-09', note: 'too late' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await core.callUnknown('reminders-create', { dueDay: '2026-02-30', note: 'x' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('filters by kind and by whose it is, and counts what the filters would show', async () => {
    const { core } = await shop();
    const amy = await callOk(core, 'staff-create', { name: 'Amy' });
    const ada = await callOk(core, 'customers-create', { name: 'Ada', ownerStaffId: amy.id, birthday: { month: 3, day: 12 } });
    await callOk(core, 'customers-create', { name: 'Ben', birthday: { month: 3, day: 14 } });
    await callOk(core, 'visits-log', { customerId: ada.id });
    await callOk(core, 'reminders-create', { dueDay: '2026-03-11', note: 'restock', staffId: amy.id });

    const everything = await callOk(core, 'reminders-agenda', {});
    expect(Object.fromEntries(everything.countsByKind.map((entry) => [entry.kind, entry.count]))).toEqual({ birthday: 2, follow_up: 1, custom: 1 });
    expect(Object.fromEntries(everything.countsByAssignee.map((entry) => [entry.staffId ?? 'nobody', entry.count]))).toEqual({ [amy.id]: 3, nobody: 1 });
    const amys = await callOk(core, 'reminders-agenda', { assignee: { staffId: amy.id } });
    expect(all(amys).map((item) => [item.kind, item.agendaDay, item.assigneeName])).toEqual([
      ['birthday', '2026-03-09', 'Amy'],
      ['custom', '2026-03-11', 'Amy'],
      ['follow_up', '2026-03-13', 'Amy'],
    ]);
    // Each section's count is the filter's, not the whole agenda's.
    const totals = (agenda: Agenda) => [agenda.overdue.total, agenda.dueToday.total, agenda.upcoming.total];
    expect(totals(everything)).toEqual([1, 0, 3]);
    expect(totals(amys)).toEqual([1, 0, 2]);
    const nobodys = await callOk(core, 'reminders-agenda', { assignee: 'nobody' });
    expect(all(nobodys).map((item) => item.customer?.name)).toEqual(['Ben']);
    expect(totals(nobodys)).toEqual([0, 0, 1]);
    const birthdays = await callOk(core, 'reminders-agenda', { kinds: ['birthday'] });
    expect(all(birthdays).map((item) => item.customer?.name)).toEqual(['Ada', 'Ben']);
    expect(totals(birthdays)).toEqual([1, 0, 1]);
    expect(totals(await callOk(core, 'reminders-agenda', { kinds: ['custom'], assignee: 'nobody' }))).toEqual([0, 0, 0]);
    expect(await core.callUnknown('reminders-agenda', { kinds: ['no_such_kind'] })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await callOk(core, 'reminders-due-summary', {})).toEqual({ today: '2026-03-10', overdue: 1, dueToday: 0, upcoming: 3 });
  });

  it('lets staff work the agenda and lists a customer’s open reminders', async () => {
    const { core } = await shop();
    const customer = await callOk(core, 'customers-create', { name: 'Ada' });
    await callOk(core, 'visits-log', { customerId: customer.id });
    core.session.role = 'staff';
    const [followUp] = await callOk(core, 'reminders-for-customer', { customerId: customer.id });
    expect(followUp).toMatchObject({ kind: 'follow_up', status: 'open' });
    await callOk(core, 'reminders-complete', { id: (followUp as { id: string }).id, note: 'ok' });
    expect(await callOk(core, 'reminders-for-customer', { customerId: customer.id })).toEqual([]);
    expect(core.db.prepare("SELECT action FROM audit_log WHERE entity = 'reminder'").pluck().all()).toEqual(['reminder.complete']);
  });
});

describe('keeping derived values honest', () => {
  it('an archived customer has no open reminders, and gets back the ones people wrote when restored', async () => {
    const { core } = await shop();
    const amy = await callOk(core, 'staff-create', { name: 'Amy' });
    const ben = await callOk(core, 'staff-create', { name: 'Ben' });
    const customer = await callOk(core, 'customers-create', { name: 'Ada', ownerStaffId: amy.id, birthday: { month: 3, day: 14 } });
    await callOk(core, 'reminders-create', { customerId: customer.id, dueDay: '2026-03-12', note: 'bring the catalogue' });
    expect(all(await callOk(core, 'reminders-agenda', { assignee: { staffId: amy.id } })).map((item) => item.kind)).toEqual(['birthday', 'custom']);

    await callOk(core, 'customers-update', { id: customer.id, fields: { name: 'Ada', ownerStaffId: ben.id, birthday: { month: 3, day: 14 } } });
    expect(all(await callOk(core, 'reminders-agenda', { assignee: { staffId: ben.id } })).map((item) => item.kind)).toEqual(['birthday', 'custom']);

    await callOk(core, 'customers-archive', { id: customer.id });
    expect(await callOk(core, 'reminders-due-summary', {})).toMatchObject({ overdue: 0, dueToday: 0, upcoming: 0 });
    await callOk(core, 'customers-unarchive', { id: customer.id });
    expect(all(await callOk(core, 'reminders-agenda', {})).map((item) => [item.kind, item.assigneeName])).toEqual([
      ['birthday', 'Ben'],
      ['custom', 'Ben'],
    ]);
  });

  it('leaves rhythms and lapse days after every write exactly as a full recomputation would', async () => {
    const { core, clock } = await shop('2026-01-05T02:00:00.000Z');
    const customers = [];
    for (let i = 0; i < 6; i += 1) customers.push(await callOk(core, 'customers-create', { name: `Customer ${i}` }));
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    let time = Date.parse('2026-01-05T02:00:00.000Z');
    const logged: string[] = [];
    for (let step = 0; step < 80; step += 1) {
      time += Math.floor(next() * 4 * 86_400_000);
      clock.set(new Date(time).toISOString());
      const customer = customers[Math.floor(next() * customers.length)] as { id: string };
      const roll = next();
      if (roll < 0.75) logged.push((await callOk(core, 'visits-log', { customerId: customer.id })).id);
      else if (roll < 0.9) await callOk(core, 'visits-log-contact', { customerId: customer.id, method: 'message' });
      else if (logged.length > 0) await callOk(core, 'visits-archive', { id: logged.splice(Math.floor(next() * logged.length), 1)[0] as string });
    }
    const read = () => JSON.stringify(core.db.prepare('SELECT id, visit_rhythm_days, lapses_on FROM customers ORDER BY id').all());
    const incremental = read();
    expect(JSON.parse(incremental).some((row: { lapses_on: string | null }) => row.lapses_on !== null)).toBe(true);
    rebuildDerived({ db: core.db, now: clock.now });
    expect(read()).toBe(incremental);
  });

  it('recomputes lapse days in the shop’s new zone when the zone changes', async () => {
    const { core } = await shop('2026-04-10T01:00:00.000Z');
    const regular = await callOk(core, 'customers-create', { name: 'Ada' });
    // 07:30 on 10 March in Taipei is still 9 March in New York.
    await visitOn(core, regular.id, ['2026-02-04', '2026-02-13', '2026-02-22', '2026-03-03']);
    await callOk(core, 'visits-log', { customerId: regular.id, occurredAt: '2026-03-10T07:30:00+08:00' });
    expect((await callOk(core, 'winback-standing', { customerId: regular.id })).lapsesOn).toBe('2026-03-29');
    await callOk(core, 'settings-update', { timeZone: 'America/New_York' });
    expect((await callOk(core, 'winback-standing', { customerId: regular.id })).lapsesOn).toBe('2026-03-28');
    expect(ofKind(await callOk(core, 'reminders-agenda', {}), 'win_back')).toMatchObject([{ dueDay: '2026-03-28' }]);
  });

  it('catches up after visits written in bulk (an import) or brought back (a restore), as other features call it', async () => {
    const { core, clock } = await shop('2026-04-10T01:00:00.000Z');
    const imported = await callOk(core, 'customers-create', { name: 'Imported' });
    const insert = core.db.prepare("INSERT INTO visits (id, customer_id, kind, occurred_at, channel, created_at) VALUES (?, ?, 'visit', ?, 'store', 'x')");
    ['2026-02-04', '2026-02-13', '2026-02-22', '2026-03-03', '2026-03-10'].forEach((day, index) => insert.run(`v${index}`, imported.id, `${day}T02:00:00.000Z`));
    rebuildDerivedThrough({ db: core.db, now: clock.now }, 'activity');
    expect(await callOk(core, 'winback-standing', { customerId: imported.id })).toMatchObject({ rhythmDays: null, lapsesOn: null });
    rebuildDerived({ db: core.db, now: clock.now });
    expect(await callOk(core, 'winback-standing', { customerId: imported.id })).toMatchObject({ state: 'lapsed', rhythmDays: 9, lapsesOn: '2026-03-29' });
    expect(ofKind(await callOk(core, 'reminders-agenda', {}), 'win_back')).toHaveLength(1);

    const last = await callOk(core, 'visits-log', { customerId: imported.id });
    await callOk(core, 'visits-archive', { id: last.id });
    core.db.prepare('UPDATE visits SET archived_at = NULL WHERE id = ?').run(last.id);
    afterWrite({ db: core.db, now: clock.now }, { customerIds: [imported.id], visitsChanged: true });
    expect(await callOk(core, 'winback-standing', { customerId: imported.id })).toMatchObject({ state: 'active', daysAway: 0 });
    expect(ofKind(await callOk(core, 'reminders-agenda', {}), 'win_back')).toEqual([]);
  });
});
