import { describe, expect, it } from 'vitest';
import { withNoteAdded } from '../../electron/core/counter/handlers';
import { callOk, fixedClock, freshCore } from '../support/core';

describe('the counter card', () => {
  it('tells staff the note, tags, rhythm, a reward waiting, a birthday this week and an open complaint, without money', async () => {
    const clock = fixedClock('2026-11-01T02:00:00.000Z');
    const core = freshCore({ now: clock.now });
    await callOk(core, 'settings-update', { timeZone: 'Asia/Taipei', country: 'TW' });
    await callOk(core, 'referrals-rules-update', { rewardKind: 'gift', rewardValue: 0, rewardGift: 'Free latte', minFirstPurchaseMinor: 0 });
    const mei = await callOk(core, 'customers-create', {
      name: '林美華',
      tags: ['VIP'],
      notes: '喜歡燕麥拿鐵，少冰',
      birthday: { month: 12, day: 8 },
    });
    for (const day of ['2026-11-01', '2026-11-10', '2026-11-19']) {
      clock.set(`${day}T02:00:00.000Z`);
      await callOk(core, 'visits-log', { customerId: mei.id, amountMinor: 15000 });
    }
    const friend = await callOk(core, 'customers-create', { name: '陳大文' });
    await callOk(core, 'referrals-set', { customerId: friend.id, referrerId: mei.id });
    await callOk(core, 'visits-log', { customerId: friend.id, amountMinor: 12000 });
    const complaint = await callOk(core, 'complaints-log', { customerId: mei.id, channel: 'in_person', category: 'product_quality', severity: 'low', description: 'Milk was sour' });
    clock.set('2026-12-05T02:00:00.000Z');

    core.session.role = 'staff';
    const card = await callOk(core, 'customers-counter-card', { customerId: mei.id });
    expect(card).toMatchObject({
      name: '林美華',
      notes: '喜歡燕麥拿鐵，少冰',
      tags: ['VIP'],
      lastVisitAt: '2026-11-19T02:00:00.000Z',
      visitCount: 3,
      rhythmDays: 9,
      birthdaySoon: { month: 12, day: 8, on: '2026-12-08', daysUntil: 3 },
      openComplaints: [{ id: complaint.id, state: 'open', category: 'product_quality' }],
    });
    expect(card.rewardsWaiting).toMatchObject([{ gift: 'Free latte', referred: { name: '陳大文' }, status: 'earned' }]);
    expect(JSON.stringify(card)).not.toMatch(/revenue|15000|45000/i);

    // Handed over from the card: it leaves the card.
    await callOk(core, 'referrals-reward-give', { id: card.rewardsWaiting[0]!.id });
    expect((await callOk(core, 'customers-counter-card', { customerId: mei.id })).rewardsWaiting).toEqual([]);
  });

  it('shows a customer who never came as never visited, with no birthday outside the week', async () => {
    const core = freshCore({ now: () => new Date('2026-12-05T02:00:00.000Z') });
    const newcomer = await callOk(core, 'customers-create', { name: 'Ada', birthday: { month: 12, day: 12 } });
    const card = await callOk(core, 'customers-counter-card', { customerId: newcomer.id });
    expect(card).toMatchObject({ lastVisitAt: null, visitCount: 0, rhythmDays: null, state: 'new', birthdaySoon: null, rewardsWaiting: [], openComplaints: [] });
  });
});

describe('a quick note', () => {
  it('adds a dated line under what is there, audited, without touching the other fields', async () => {
    const core = freshCore({ now: () => new Date('2026-12-05T02:00:00.000Z') });
    await callOk(core, 'settings-update', { timeZone: 'Asia/Taipei' });
    const mei = await callOk(core, 'customers-create', { name: '林美華', notes: '喜歡燕麥拿鐵，少冰', tags: ['VIP'] });
    core.session.role = 'staff';
    const updated = await callOk(core, 'customers-add-note', { customerId: mei.id, note: '  沒有燕麥奶時改豆漿 ' });
    expect(updated.notes).toBe('喜歡燕麥拿鐵，少冰\n2026-12-05 沒有燕麥奶時改豆漿');
    expect(updated.tags).toEqual(['VIP']);
    const audit = core.db.prepare("SELECT action, before_json, after_json FROM audit_log WHERE entity_id = ? AND action = 'customer.update'").get(mei.id) as Record<string, string>;
    expect(JSON.parse(audit.after_json!)).toEqual({ notes: updated.notes });
    expect(JSON.parse(audit.before_json!)).toEqual({ notes: '喜歡燕麥拿鐵，少冰' });
    // The note is searchable at once.
    expect((await callOk(core, 'customers-search', { query: '改豆漿' })).rows.map((row) => row.name)).toEqual(['林美華']);
    expect(await core.call('customers-add-note', { customerId: mei.id, note: '   ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });

  it('starts the notes when there were none, and keeps one line per note', () => {
    expect(withNoteAdded('', 'Oat milk', '2026-12-05')).toBe('2026-12-05 Oat milk');
    expect(withNoteAdded('Likes window seat\n', 'No ice\nplease', '2026-12-06')).toBe('Likes window seat\n2026-12-06 No ice please');
  });
});
