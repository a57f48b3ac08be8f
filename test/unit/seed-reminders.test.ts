import { describe, expect, it } from 'vitest';
import { rebuildDerivedThrough } from '../../electron/core/derive';
import { seedBook } from '../../electron/core/seed/seed';
import { callOk, freshCore } from '../support/core';

const now = new Date('2026-11-23T01:00:00Z');

describe('seeded reminders', () => {
  it('open on a believable morning: a little overdue, some due today, the week ahead, and a history behind them', async () => {
    const core = freshCore({ now: () => now });
    await callOk(core, 'settings-update', { timeZone: 'Asia/Taipei' });
    const summary = seedBook(core.db, { customers: 400, visits: 4000, seed: 5, days: 730, now });
    const agenda = await callOk(core, 'reminders-agenda', {});
    expect(summary.openReminders).toBeGreaterThan(0);
    expect(agenda.dueToday.total + agenda.upcoming.total).toBeGreaterThan(5);
    expect(agenda.overdue.total).toBeLessThan(agenda.dueToday.total + agenda.upcoming.total + 15);
    const kinds = new Set(agenda.countsByKind.map((entry) => entry.kind));
    const count = (sql: string) => core.db.prepare(sql).pluck().get() as number;
    // A reward to hand over only when a referred customer's first purchase was recent enough to be still unrewarded.
    const toHandOver = count("SELECT count(*) FROM referral_rewards WHERE status = 'earned'") > 0 ? ['referral_reward'] : [];
    expect([...kinds].sort()).toEqual(['birthday', 'complaint_deadline', 'complaint_follow_up', 'custom', 'follow_up', 'green_channel', ...toHandOver, 'win_back'].sort());
    expect(count("SELECT count(*) FROM reminders WHERE status = 'done' AND outcome_note <> ''")).toBeGreaterThan(10);
    expect(count("SELECT count(*) FROM reminders WHERE status = 'dismissed'")).toBeGreaterThan(0);
    expect(count('SELECT count(*) FROM win_back_attempts')).toBeGreaterThan(5);
    expect(count("SELECT count(*) FROM customer_status_events WHERE kind = 'lost'")).toBeGreaterThan(0);
    expect(count("SELECT count(*) FROM customer_status_events WHERE kind = 'won_back'")).toBeGreaterThan(0);
    expect(count('SELECT count(*) FROM customers WHERE lost_at IS NOT NULL')).toBe(count("SELECT count(DISTINCT customer_id) FROM customer_status_events WHERE kind = 'lost'"));
    expect(count("SELECT count(*) FROM reminders r JOIN customers c ON c.id = r.customer_id WHERE r.status = 'open' AND r.kind = 'win_back' AND c.lost_at IS NOT NULL")).toBe(0);
  });

  it('leaves rhythms and lapse days exactly as a full recomputation would', () => {
    const core = freshCore({ now: () => now });
    seedBook(core.db, { customers: 200, visits: 2000, seed: 9, days: 365, now });
    const read = () => JSON.stringify(core.db.prepare('SELECT id, visit_rhythm_days, lapses_on FROM customers ORDER BY rid').all());
    const seeded = read();
    rebuildDerivedThrough({ db: core.db, now: () => now }, 'rhythm-and-lapse');
    expect(read()).toBe(seeded);
  });
});
