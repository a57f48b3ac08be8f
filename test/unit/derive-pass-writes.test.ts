import { describe, expect, it } from 'vitest';
import { passInSteps, rebuildDerived } from '../../electron/core/derive';
import type { Db } from '../../electron/core/db/connection';
import { seedBook } from '../../electron/core/seed/seed';
import { fitAndStoreValueModel } from '../../electron/core/value';
import { freshCore } from '../support/core';
import { statementsRunBy } from '../support/statements';

/**
 * The worker's pass over a book whose figures are current rewrites nothing: every row it would
 * write again costs a page in the log and a commit's flush, and on the full book a chunk's
 * thousand value predictions written again, changed or not, were a fifth of its writes.
 */

const now = new Date('2026-11-23T10:00:00.000Z');

const changesBy = (db: Db, work: () => void): number => {
  const before = db.prepare('SELECT total_changes()').pluck().get() as number;
  work();
  return (db.prepare('SELECT total_changes()').pluck().get() as number) - before;
};

const seeded = () => {
  const core = freshCore({ now: () => now });
  seedBook(core.db, { customers: 300, visits: 4_000, seed: 5, days: 700, now });
  rebuildDerived({ db: core.db, now: () => now }, { bulk: true });
  fitAndStoreValueModel(core.db, now);
  return core;
};

describe('the derived pass in steps', () => {
  it('writes no customer’s row again when their figures are current', () => {
    const core = seeded();
    const predicted = core.db.prepare('SELECT count(*) FROM customer_loyalty WHERE value_lifetime_minor IS NOT NULL').pluck().get() as number;
    expect(predicted).toBeGreaterThan(250);
    const steps = passInSteps({ db: core.db, now: () => now }, 'full', 50).filter((step) => step.phase === 'customers');
    expect(steps).toHaveLength(6);
    expect(changesBy(core.db, () => steps.forEach((step) => core.db.transaction(step.run).immediate()))).toBe(0);
  });

  it('reads a chunk’s last contacts from the index that holds the contacts alone', () => {
    const core = seeded();
    const ids = core.db.prepare('SELECT id FROM customers ORDER BY id LIMIT 50').pluck().all() as string[];
    const ran = statementsRunBy(core.db, 'run', () => {
      for (const step of passInSteps({ db: core.db, now: () => now }, 'full', 50).slice(0, 2)) step.run();
    }).filter((sql) => sql.includes('last_contact'));
    expect(ran.length).toBeGreaterThan(0);
    const plan = (core.db.prepare(`EXPLAIN QUERY PLAN ${ran[0]}`).all({ first: ids[0], last: ids[ids.length - 1] }) as { detail: string }[]).map((row) => row.detail).join('\n');
    expect(plan).toMatch(/visits_customer_contact_time/);
  });
});
