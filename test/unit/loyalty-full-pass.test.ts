import { describe, expect, it } from 'vitest';
import { rebuildDerived } from '../../electron/core/derive';
import { loyaltyEnvironment, rebuildAllLoyalty, refreshCustomersLoyalty } from '../../electron/core/loyalty/derive';
import { writeLoyaltySettings } from '../../electron/core/loyalty/settings';
import { seedBook } from '../../electron/core/seed/seed';
import type { Db } from '../../electron/core/db/connection';
import { freshCore } from '../support/core';

/**
 * The whole book's tiers and quadrants are made in SQL (loyalty/full-pass-queries.ts), a customer's
 * after a write by the shared rules in JS (decideTier, satisfactionScore, loyaltyScore, quadrantOf).
 * On a seeded book — every tier, lifts by points, lapsed and lost customers, answers of every level,
 * referrals, complaints, rhythms of whole and half days — both must make the same rows.
 */

const now = new Date('2026-11-23T10:00:00.000Z');

const rows = (db: Db) =>
  db
    .prepare(
      `SELECT customer_id, revenue_12m_minor, visits_12m, money_tier, points, tier, signals_json, satisfaction, loyalty, quadrant, quadrant_since
       FROM customer_loyalty ORDER BY customer_id`,
    )
    .all();

const everyCustomer = (db: Db): string[] => db.prepare('SELECT id FROM customers').pluck().all() as string[];

describe('the full loyalty pass and the per-customer update', () => {
  it('make the same row for every customer of a seeded book, under lifts of one and of two steps', () => {
    const core = freshCore({ now: () => now });
    seedBook(core.db, { customers: 400, visits: 5_000, seed: 7, days: 900, now });
    for (const rules of [{ pointsPerLift: 1, maxLift: 2 }, { pointsPerLift: 3, maxLift: 1 }]) {
      writeLoyaltySettings(core.db, rules);
      rebuildDerived({ db: core.db, now: () => now }, { bulk: true });
      const environment = loyaltyEnvironment(core.db, now);
      const full = rows(core.db);

      core.db.exec('SAVEPOINT per_customer; DELETE FROM customer_loyalty');
      refreshCustomersLoyalty(core.db, everyCustomer(core.db), environment);
      const perCustomer = rows(core.db);
      core.db.exec('ROLLBACK TO per_customer; RELEASE per_customer');

      expect(full.length).toBeGreaterThan(350);
      expect(perCustomer).toEqual(full);
      const tiers = new Set(full.map((row) => (row as { tier: string }).tier));
      const quadrants = new Set(full.map((row) => (row as { quadrant: string | null }).quadrant));
      expect([...tiers].sort()).toEqual(['key', 'major', 'regular', 'small']);
      expect(quadrants.size).toBeGreaterThanOrEqual(4);
    }
  });

  it('keeps the day a customer entered their quadrant while it stays, and writes nothing when nothing changed', () => {
    const core = freshCore({ now: () => now });
    seedBook(core.db, { customers: 150, visits: 1_500, seed: 11, days: 600, now });
    rebuildDerived({ db: core.db, now: () => now }, { bulk: true });
    core.db.prepare("UPDATE customer_loyalty SET quadrant_since = '2026-01-02' WHERE quadrant IS NOT NULL").run();
    const before = rows(core.db);
    const later = new Date(now.getTime() + 3_600_000);
    expect(rebuildAllLoyalty(core.db, loyaltyEnvironment(core.db, later), false).changed).toBe(0);
    expect(rows(core.db)).toEqual(before);
  });
});
