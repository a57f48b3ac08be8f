import { describe, expect, it } from 'vitest';
import { callOk, fixedClock, freshCore } from '../support/core';

type Core = ReturnType<typeof freshCore>;

/** The reminder rows and win-back attempts as stored, to compare before and after an undo. */
const stored = (core: Core) => ({
  reminders: core.db.prepare('SELECT id, status, snoozed_until, outcome_note, closed_at FROM reminders ORDER BY id').all(),
  attempts: core.db.prepare('SELECT * FROM win_back_attempts ORDER BY id').all(),
  rewards: core.db.prepare('SELECT id, status, given_at, given_by_staff_id FROM referral_rewards ORDER BY id').all(),
});

const lastAudit = async (core: Core) => (await callOk(core, 'audit-list', { limit: 1 })).entries[0];

const setUp = async () => {
  const clock = fixedClock('2026-03-02T02:00:00.000Z');
  const core = freshCore({ now: clock.now });
  await callOk(core, 'settings-update', { timeZone: 'Asia/Taipei' });
  const customer = await callOk(core, 'customers-create', { name: '林美華' });
  const reminder = await callOk(core, 'reminders-create', { customerId: customer.id, dueDay: '2026-03-02', note: 'Call about the beans', staffId: null });
  return { core, clock, customer, reminder };
};

describe('undo at the counter reverses exactly, and says so in the audit trail', () => {
  it('takes a snooze back to where the reminder was', async () => {
    const { core, reminder } = await setUp();
    const before = stored(core);
    await callOk(core, 'reminders-snooze', { id: reminder.id, until: '2026-03-09' });
    const undone = await callOk(core, 'reminders-unsnooze', { id: reminder.id, until: '2026-03-09', restore: null });
    expect(undone.snoozedUntil).toBeNull();
    expect(stored(core).reminders).toEqual(before.reminders);
    expect(await lastAudit(core)).toMatchObject({ action: 'reminder.unsnooze', before: { snoozedUntil: '2026-03-09' }, after: { snoozedUntil: null } });

    // Snoozed again since: the old message's undo is refused rather than undoing the newer snooze.
    await callOk(core, 'reminders-snooze', { id: reminder.id, until: '2026-03-05' });
    const stale = await core.call('reminders-unsnooze', { id: reminder.id, until: '2026-03-09', restore: null });
    expect(stale).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', details: { reason: 'changed_since' } } });
  });

  it('takes back a win-back call: the attempt is gone and its reminder open (or snoozed) as before', async () => {
    const { core, customer, reminder } = await setUp();
    const before = stored(core);
    const answered = await callOk(core, 'winback-record-attempt', { customerId: customer.id, reminderId: reminder.id, outcome: 'came_back', note: 'Coming Saturday' });
    expect(answered.reminder?.status).toBe('done');
    await callOk(core, 'winback-undo-attempt', { id: answered.attempt.id, restoreSnoozedUntil: null });
    expect(stored(core)).toMatchObject({ reminders: before.reminders, attempts: [] });
    expect(await lastAudit(core)).toMatchObject({ action: 'winback.attempt_undo', before: { outcome: 'came_back', note: 'Coming Saturday' } });

    const noAnswer = await callOk(core, 'winback-record-attempt', { customerId: customer.id, reminderId: reminder.id, outcome: 'no_answer', note: '' });
    expect(noAnswer.reminder?.snoozedUntil).not.toBeNull();
    await callOk(core, 'winback-undo-attempt', { id: noAnswer.attempt.id, restoreSnoozedUntil: null });
    expect(stored(core)).toMatchObject({ reminders: before.reminders, attempts: [] });
  });

  it('takes back a reward marked given: to hand over again, on the agenda again', async () => {
    const { core, clock } = await setUp();
    await callOk(core, 'referrals-rules-update', { rewardKind: 'discount', rewardValue: 10_000, minFirstPurchaseMinor: 0 });
    const amy = await callOk(core, 'customers-create', { name: 'Amy' });
    const ben = await callOk(core, 'customers-create', { name: 'Ben' });
    await callOk(core, 'referrals-set', { customerId: ben.id, referrerId: amy.id });
    await callOk(core, 'visits-log', { customerId: ben.id, amountMinor: 60_000 });
    const reward = (await callOk(core, 'referrals-tree', { id: amy.id })).rewards[0]!;
    const earned = stored(core).rewards;
    clock.set('2026-03-02T03:00:00.000Z');
    await callOk(core, 'referrals-reward-give', { id: reward.id });
    const back = await callOk(core, 'referrals-reward-ungive', { id: reward.id });
    expect(back).toMatchObject({ status: 'earned', givenAt: null, givenByStaffName: null });
    expect(stored(core).rewards).toEqual(earned);
    const open = (await callOk(core, 'reminders-for-customer', { customerId: amy.id })).filter((item) => item.kind === 'referral_reward');
    expect(open).toHaveLength(1);
    expect(await lastAudit(core)).toMatchObject({ action: 'referral_reward.ungive', before: { status: 'given' }, after: { status: 'earned' } });
    expect(await core.call('referrals-reward-ungive', { id: reward.id })).toMatchObject({ ok: false, error: { details: { reason: 'reward_not_given' } } });
  });
});
