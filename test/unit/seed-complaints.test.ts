import { describe, expect, it } from 'vitest';
import { seedBook } from '../../electron/core/seed/seed';
import { callOk, freshCore } from '../support/core';

const now = new Date('2026-11-23T02:00:00Z');

describe('seeded complaints', () => {
  it('gives one complaint per five customers, reproducibly, with kept and broken promises and every stage of the lifecycle', async () => {
    const first = freshCore({ now: () => now });
    const second = freshCore({ now: () => now });
    const summary = seedBook(first.db, { customers: 500, visits: 3000, seed: 9, days: 365, now });
    seedBook(second.db, { customers: 500, visits: 3000, seed: 9, days: 365, now });
    expect(summary.complaints).toBe(100);
    const shape = (core: typeof first) => core.db.prepare('SELECT state, severity, category, received_at, resolved_at FROM complaints ORDER BY received_at').all();
    expect(shape(first)).toEqual(shape(second));
    const states = first.db.prepare('SELECT DISTINCT state FROM complaints').pluck().all();
    expect(states).toEqual(expect.arrayContaining(['closed', 'followed_up', 'resolved']));
    const outcomes = first.db.prepare('SELECT outcome, count(*) AS count FROM complaint_promises GROUP BY outcome').all() as { outcome: string | null; count: number }[];
    const kept = outcomes.find((row) => row.outcome === 'kept')?.count ?? 0;
    const broken = outcomes.find((row) => row.outcome === 'broken')?.count ?? 0;
    expect(kept).toBeGreaterThan(broken * 2);
    expect(broken).toBeGreaterThan(0);
    // Nothing left for the sweep: the seed records missed promises itself, at their deadlines.
    expect(first.db.prepare('SELECT count(*) FROM complaint_promises WHERE outcome IS NULL AND due_at < ?').pluck().get(now.toISOString())).toBe(0);
    const stats = await callOk(first, 'complaints-stats', { months: 12 });
    expect(stats.total.logged).toBe(100);
    expect(stats.total.keptPercent).toBeGreaterThan(50);
    expect(stats.repeatComplainers.length).toBeGreaterThan(0);
  });
});
