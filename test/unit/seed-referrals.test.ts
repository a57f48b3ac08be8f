import { describe, expect, it } from 'vitest';
import { seedBook } from '../../electron/core/seed/seed';
import { callOk, freshCore } from '../support/core';

const now = new Date('2026-11-23T01:00:00Z');

describe('seeded referrals', () => {
  it('makes chains for about 30% of customers, never a loop, with champions and rewards in every state', async () => {
    const core = freshCore({ now: () => now });
    const summary = seedBook(core.db, { customers: 2000, visits: 12000, seed: 7, days: 730, now });
    expect(summary.referrals / 2000).toBeGreaterThan(0.25);
    expect(summary.referrals / 2000).toBeLessThan(0.35);
    expect(core.db.prepare('SELECT count(*) FROM referrals').pluck().get()).toBe(summary.referrals);
    // Everyone was brought by someone who signed up before them, so every chain ends.
    const later = core.db
      .prepare('SELECT count(*) FROM referrals r JOIN customers c ON c.id = r.customer_id JOIN customers p ON p.id = r.referrer_id WHERE p.created_at > c.created_at')
      .pluck()
      .get();
    expect(later).toBe(0);
    const overview = await callOk(core, 'referrals-overview', { period: 'all' });
    expect(overview.leaderboard[0]!.referrals).toBeGreaterThanOrEqual(10);
    const deepest = core.db.prepare('SELECT referrer_id FROM referrals GROUP BY referrer_id ORDER BY count(*) DESC LIMIT 1').pluck().get() as string;
    expect((await callOk(core, 'referrals-tree', { id: deepest })).depth).toBeGreaterThan(1);
    const states = core.db.prepare('SELECT status, count(*) AS n FROM referral_rewards GROUP BY status ORDER BY status').all() as { status: string; n: number }[];
    expect(states.map((row) => row.status)).toEqual(['earned', 'given', 'void']);
    expect(overview.rewardsToHandOver).toBe(states[0]!.n);
    // Each reward to hand over (for a referrer still in the book) has its one open reminder.
    const unreminded = core.db
      .prepare(
        "SELECT count(*) FROM referral_rewards w JOIN customers p ON p.id = w.referrer_id WHERE w.status = 'earned' AND p.archived_at IS NULL AND NOT EXISTS (SELECT 1 FROM reminders r WHERE r.kind = 'referral_reward' AND r.reason_key = w.id AND r.status = 'open')",
      )
      .pluck()
      .get();
    expect(unreminded).toBe(0);
  });

  it('gives the same chains for the same seed', () => {
    const links = () => {
      const core = freshCore({ now: () => now });
      seedBook(core.db, { customers: 300, visits: 1500, seed: 11, days: 365, now });
      return core.db.prepare('SELECT c.name, p.name FROM referrals r JOIN customers c ON c.id = r.customer_id JOIN customers p ON p.id = r.referrer_id ORDER BY c.created_at, c.name').raw().all();
    };
    expect(links()).toEqual(links());
  });
});
