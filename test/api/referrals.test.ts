import { describe, expect, it } from 'vitest';
import { bookSnapshot, callOk, fixedClock, freshCore, setUpOwner, testPin } from '../support/core';

type Core = ReturnType<typeof freshCore>;

const customer = async (core: Core, name: string) => callOk(core, 'customers-create', { name });

const rewardReminders = async (core: Core, customerId: string) =>
  (await callOk(core, 'reminders-for-customer', { customerId })).filter((reminder) => reminder.kind === 'referral_reward');

describe('referrals', () => {
  it('earns the reward on the referred customer’s first qualifying purchase, once, with one reminder until it is handed over', async () => {
    const clock = fixedClock('2026-03-01T10:00:00.000Z');
    const core = freshCore({ now: clock.now });
    await callOk(core, 'referrals-rules-update', { rewardKind: 'discount', rewardValue: 10_000, minFirstPurchaseMinor: 50_000 });
    const amy = await customer(core, 'Amy');
    const ben = await customer(core, 'Ben');
    const link = await callOk(core, 'referrals-set', { customerId: ben.id, referrerId: amy.id });
    expect(link).toMatchObject({ customer: { name: 'Ben' }, referrer: { name: 'Amy' } });

    // A purchase below the minimum, or a visit without an amount, does not qualify.
    await callOk(core, 'visits-log', { customerId: ben.id, amountMinor: 20_000 });
    await callOk(core, 'visits-log', { customerId: ben.id, amountMinor: null });
    expect((await callOk(core, 'referrals-tree', { id: amy.id })).rewards).toEqual([]);
    expect((await callOk(core, 'referrals-tree', { id: amy.id })).pending).toBe(1);

    clock.set('2026-03-02T10:00:00.000Z');
    const purchase = await callOk(core, 'visits-log', { customerId: ben.id, amountMinor: 60_000 });
    await callOk(core, 'visits-log', { customerId: ben.id, amountMinor: 90_000 });
    const tree = await callOk(core, 'referrals-tree', { id: amy.id });
    expect(tree.rewards).toHaveLength(1);
    expect(tree.rewards[0]).toMatchObject({ status: 'earned', kind: 'discount', value: 10_000, visitId: purchase.id, referred: { name: 'Ben' } });
    expect(tree.pending).toBe(0);
    const reminders = await rewardReminders(core, amy.id);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ status: 'open', subjectId: ben.id, facts: { referredName: 'Ben', rewardKind: 'discount', value: 10_000 } });

    const given = await callOk(core, 'referrals-reward-give', { id: tree.rewards[0]!.id });
    expect(given).toMatchObject({ status: 'given', givenAt: '2026-03-02T10:00:00.000Z' });
    // The reminder is closed: the agenda no longer lists it for Amy.
    expect(await rewardReminders(core, amy.id)).toEqual([]);
    expect(core.db.prepare("SELECT status FROM reminders WHERE kind = 'referral_reward'").pluck().all()).toEqual(['obsolete']);
    // Handed over once: a second time is refused, and so is voiding it.
    const again = await core.call('referrals-reward-give', { id: given.id });
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', details: { reason: 'reward_already_given' } } });
    expect(await core.call('referrals-reward-void', { id: given.id, reason: 'mistake' })).toMatchObject({ ok: false, error: { details: { reason: 'reward_already_given' } } });
  });

  it('lists rewards newest first, a page at a time, for every status or one, with the totals of each', async () => {
    const clock = fixedClock('2026-03-01T10:00:00.000Z');
    const core = freshCore({ now: clock.now });
    const amy = await customer(core, 'Amy');
    const earnedIds: string[] = [];
    for (const [index, name] of ['Ben', 'Cleo', 'Dan', 'Eve', 'Fay'].entries()) {
      clock.set(`2026-03-0${index + 1}T10:00:00.000Z`);
      const referred = await customer(core, name);
      await callOk(core, 'referrals-set', { customerId: referred.id, referrerId: amy.id });
      await callOk(core, 'visits-log', { customerId: referred.id, amountMinor: 10_000 });
      const [newest] = (await callOk(core, 'referrals-rewards', { status: 'earned', limit: 1 })).rows;
      earnedIds.push(newest!.id);
    }
    await callOk(core, 'referrals-reward-give', { id: earnedIds[1]! });
    await callOk(core, 'referrals-reward-void', { id: earnedIds[3]!, reason: 'mistake' });

    const names = (page: { rows: { referred: { name: string } }[] }) => page.rows.map((row) => row.referred.name);
    const all = await callOk(core, 'referrals-rewards', { status: 'all', limit: 2, offset: 0 });
    expect(all.total).toBe(5);
    expect(names(all)).toEqual(['Fay', 'Eve']);
    expect(names(await callOk(core, 'referrals-rewards', { status: 'all', limit: 2, offset: 2 }))).toEqual(['Dan', 'Cleo']);
    const earned = await callOk(core, 'referrals-rewards', { status: 'earned', limit: 2, offset: 1 });
    expect(earned.total).toBe(3);
    expect(names(earned)).toEqual(['Dan', 'Ben']);
    expect(names(await callOk(core, 'referrals-rewards', { status: 'earned', limit: 2, offset: 0 }))).toEqual(['Fay', 'Dan']);
    expect(await callOk(core, 'referrals-rewards', { status: 'given' })).toMatchObject({ total: 1, rows: [{ referred: { name: 'Cleo' }, referrer: { name: 'Amy' } }] });
    expect((await callOk(core, 'referrals-rewards', { status: 'void' })).rows.map((row) => row.status)).toEqual(['void']);
  });

  it('voids an earned reward with a reason, which closes its reminder', async () => {
    const core = freshCore();
    const amy = await customer(core, 'Amy');
    const ben = await customer(core, 'Ben');
    await callOk(core, 'referrals-set', { customerId: ben.id, referrerId: amy.id });
    await callOk(core, 'visits-log', { customerId: ben.id, amountMinor: null });
    const [reward] = (await callOk(core, 'referrals-rewards', { status: 'earned' })).rows;
    expect(reward).toMatchObject({ kind: 'thanks', referrer: { name: 'Amy' } });
    const voided = await callOk(core, 'referrals-reward-void', { id: reward!.id, reason: 'Ben is Amy’s husband' });
    expect(voided).toMatchObject({ status: 'void', voidReason: 'Ben is Amy’s husband' });
    expect((await rewardReminders(core, amy.id)).every((reminder) => reminder.status !== 'open')).toBe(true);
    expect((await callOk(core, 'referrals-rewards', { status: 'void' })).total).toBe(1);
  });

  it('takes back an earned reward when its purchase is archived as a mistake, and earns it again on restore', async () => {
    const core = freshCore();
    const amy = await customer(core, 'Amy');
    const ben = await customer(core, 'Ben');
    await callOk(core, 'referrals-set', { customerId: ben.id, referrerId: amy.id });
    const visit = await callOk(core, 'visits-log', { customerId: ben.id, amountMinor: 1000 });
    await callOk(core, 'visits-archive', { id: visit.id });
    expect((await callOk(core, 'referrals-tree', { id: amy.id })).rewards).toEqual([]);
    expect((await rewardReminders(core, amy.id)).filter((reminder) => reminder.status === 'open')).toEqual([]);
    await callOk(core, 'visits-unarchive', { id: visit.id });
    expect((await callOk(core, 'referrals-tree', { id: amy.id })).rewards).toHaveLength(1);
  });

  it('earns at once when the referrer is set after the first purchase', async () => {
    const core = freshCore();
    const amy = await customer(core, 'Amy');
    const ben = await customer(core, 'Ben');
    await callOk(core, 'visits-log', { customerId: ben.id, amountMinor: 1000 });
    await callOk(core, 'referrals-set', { customerId: ben.id, referrerId: amy.id });
    expect((await callOk(core, 'referrals-tree', { id: amy.id })).rewards.map((reward) => reward.status)).toEqual(['earned']);
  });

  it('refuses self-referral and cycles with a clear reason and changes nothing', async () => {
    const core = freshCore();
    const amy = await customer(core, 'Amy');
    const ben = await customer(core, 'Ben');
    const cat = await customer(core, 'Cat');
    await callOk(core, 'referrals-set', { customerId: ben.id, referrerId: amy.id });
    await callOk(core, 'referrals-set', { customerId: cat.id, referrerId: ben.id });
    const before = bookSnapshot(core);
    expect(await core.call('referrals-set', { customerId: amy.id, referrerId: amy.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', details: { reason: 'referral_self' } },
    });
    expect(await core.call('referrals-set', { customerId: amy.id, referrerId: cat.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', details: { reason: 'referral_cycle' } },
    });
    expect(bookSnapshot(core)).toBe(before);
  });

  it('keeps every change of referrer in the audit trail, and shows the tree with depth and counts', async () => {
    const core = freshCore();
    const [amy, ben, cat, dan, eve] = await Promise.all(['Amy', 'Ben', 'Cat', 'Dan', 'Eve'].map((name) => customer(core, name)));
    await callOk(core, 'referrals-set', { customerId: ben!.id, referrerId: eve!.id });
    await callOk(core, 'referrals-set', { customerId: ben!.id, referrerId: amy!.id });
    await callOk(core, 'referrals-set', { customerId: cat!.id, referrerId: amy!.id });
    await callOk(core, 'referrals-set', { customerId: dan!.id, referrerId: ben!.id });
    const tree = await callOk(core, 'referrals-tree', { id: amy!.id });
    expect(tree).toMatchObject({ direct: 2, total: 3, depth: 2 });
    expect(tree.nodes.map((node) => [node.name, node.depth, node.brought])).toEqual([
      ['Ben', 1, 1],
      ['Dan', 2, 0],
      ['Cat', 1, 0],
    ]);
    expect((await callOk(core, 'referrals-tree', { id: dan!.id })).referredBy?.referrer.name).toBe('Ben');

    await callOk(core, 'referrals-set', { customerId: ben!.id, referrerId: null });
    const trail = (await callOk(core, 'audit-list', { entity: 'customer', entityId: ben!.id })).entries.filter((row) => row.action.startsWith('referral.'));
    expect(trail.map((row) => [row.action, row.before, row.after])).toEqual([
      ['referral.clear', { referrer: 'Amy' }, null],
      ['referral.set', { referrer: 'Eve' }, { referrer: 'Amy' }],
      ['referral.set', null, { referrer: 'Eve' }],
    ]);
  });

  it('puts referral items on both customers’ timelines', async () => {
    const core = freshCore();
    const amy = await customer(core, 'Amy');
    const ben = await customer(core, 'Ben');
    await callOk(core, 'referrals-set', { customerId: ben.id, referrerId: amy.id });
    await callOk(core, 'visits-log', { customerId: ben.id, amountMinor: 100 });
    const [earned] = (await callOk(core, 'referrals-rewards', {})).rows;
    await callOk(core, 'referrals-reward-give', { id: earned!.id });
    const amyItems = (await callOk(core, 'customers-timeline', { id: amy.id })).items;
    expect(amyItems.filter((item) => item.kind.startsWith('referral')).map((item) => (item.kind === 'referral' ? `${item.role}:${item.other.name}` : item.kind === 'referral_reward' ? item.event : ''))).toEqual(
      expect.arrayContaining(['brought:Ben', 'earned', 'given']),
    );
    const benItems = (await callOk(core, 'customers-timeline', { id: ben.id })).items;
    expect(benItems.find((item) => item.kind === 'referral')).toMatchObject({ role: 'referred_by', other: { name: 'Amy' } });
  });

  it('counts the leaderboard, the monthly share and conversion to repeat customers', async () => {
    const clock = fixedClock('2026-03-10T10:00:00.000Z');
    const core = freshCore({ now: clock.now });
    await callOk(core, 'settings-update', { timeZone: 'Asia/Taipei' });
    const amy = await customer(core, 'Amy');
    const zoe = await customer(core, 'Zoe');
    const brought = [];
    for (const name of ['Ben', 'Cat', 'Dan']) brought.push(await customer(core, name));
    const wu = await customer(core, 'Walk-in Wu');
    for (const person of brought.slice(0, 2)) await callOk(core, 'referrals-set', { customerId: person.id, referrerId: amy.id });
    await callOk(core, 'referrals-set', { customerId: brought[2]!.id, referrerId: zoe.id });
    await callOk(core, 'visits-log', { customerId: brought[0]!.id, amountMinor: 100 });
    await callOk(core, 'visits-log', { customerId: brought[0]!.id, amountMinor: 100 });
    await callOk(core, 'visits-log', { customerId: brought[1]!.id, amountMinor: 100 });
    await callOk(core, 'visits-log', { customerId: wu.id, amountMinor: 100 });

    const overview = await callOk(core, 'referrals-overview', { period: '30d' });
    expect(overview.leaderboard.map((row) => [row.referrer.name, row.referrals, row.purchased, row.repeat])).toEqual([
      ['Amy', 2, 2, 1],
      ['Zoe', 1, 0, 0],
    ]);
    // March's new customers are those who first came in March (Dan, referred, has not come yet; Amy and Zoe neither).
    expect(overview.months.at(-1)).toEqual({ month: '2026-03', newCustomers: 3, referred: 2, share: 2 / 3 });
    expect(overview.months.map((month) => month.month).slice(0, 3)).toEqual(['2025-04', '2025-05', '2025-06']);
    expect(overview.months).toHaveLength(12);
    expect(overview.conversion).toEqual({ referred: 3, purchased: 2, repeat: 1 });
    expect(overview.rewardsToHandOver).toBe(2);
    expect(overview.recent).toHaveLength(3);

    // Amy archived: Today lists no reward for her, and the page counts none to hand over either.
    await callOk(core, 'customers-archive', { id: amy.id });
    const agenda = await callOk(core, 'reminders-agenda', { kinds: ['referral_reward'] });
    const onToday = agenda.overdue.total + agenda.dueToday.total + agenda.upcoming.total;
    expect(onToday).toBe(0);
    expect((await callOk(core, 'referrals-overview', { period: '30d' })).rewardsToHandOver).toBe(onToday);
  });

  it('counts "bought" alike in the leaderboard and the conversion line, a purchase too small for a reward included', async () => {
    const core = freshCore();
    await callOk(core, 'referrals-rules-update', { minFirstPurchaseMinor: 50_000 });
    const amy = await customer(core, 'Amy');
    for (const [name, amountMinor] of [['Ben', 100], ['Cat', 80_000]] as const) {
      const brought = await customer(core, name);
      await callOk(core, 'referrals-set', { customerId: brought.id, referrerId: amy.id });
      await callOk(core, 'visits-log', { customerId: brought.id, amountMinor });
    }
    await callOk(core, 'referrals-set', { customerId: (await customer(core, 'Dan')).id, referrerId: amy.id });
    const overview = await callOk(core, 'referrals-overview', { period: 'all' });
    expect(overview.conversion).toEqual({ referred: 3, purchased: 2, repeat: 0 });
    expect(overview.leaderboard.map((row) => [row.referrer.name, row.referrals, row.purchased, row.repeat])).toEqual([['Amy', 3, 2, 0]]);
    // Only Cat's purchase earned Amy a reward.
    expect(overview.rewardsToHandOver).toBe(1);
  });

  it('lets staff hand over rewards, but only the owner void them or change the rules', async () => {
    const core = freshCore();
    await setUpOwner(core);
    const amy = await customer(core, 'Amy');
    const ben = await customer(core, 'Ben');
    await callOk(core, 'referrals-set', { customerId: ben.id, referrerId: amy.id });
    await callOk(core, 'visits-log', { customerId: ben.id, amountMinor: 100 });
    const [reward] = (await callOk(core, 'referrals-rewards', {})).rows;
    expect(await core.call('referrals-reward-void', { id: reward!.id, reason: 'no' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.call('referrals-rules-update', { rewardKind: 'gift' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await callOk(core, 'auth-unlock', { pin: testPin });
    const rules = await callOk(core, 'referrals-rules-update', { rewardKind: 'gift', rewardGift: 'A free latte' });
    expect(rules).toEqual({ rewardKind: 'gift', rewardValue: 0, rewardGift: 'A free latte', minFirstPurchaseMinor: 0 });
  });
});
