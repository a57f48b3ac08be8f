import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { checkBook } from '../../electron/core/check';
import { readLoyaltySettings, tierRulesOf } from '../../electron/core/loyalty/settings';
import { seedBook } from '../../electron/core/seed/seed';
import { currentSettings } from '../../electron/core/settings/current';
import { decideTier, moneyCutoffs, tiers, type Tier } from '../../shared/loyalty/tiers';
import { freshCore } from '../support/core';

type Book = ReturnType<typeof freshCore>;

const schemaOf = (core: Book): { name: string; sql: string }[] =>
  core.db.prepare("SELECT name, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name").all() as { name: string; sql: string }[];

/** A past month's tier counts as the monthly pass ranks them: the trailing year's spend per customer, in SQL. */
const tierCountsByQuery = (core: Book, now: Date, back: number): { month: string; counts: Record<Tier, number> } => {
  const db = core.db;
  const rules = tierRulesOf(readLoyaltySettings(db));
  const monthEnd = DateTime.fromJSDate(now).setZone(currentSettings({ db }).timeZone).startOf('month').minus({ months: back - 1 });
  const to = monthEnd.toUTC().toISO() ?? '';
  const from = monthEnd.minus({ years: 1 }).toUTC().toISO() ?? '';
  const spent = db
    .prepare(
      `SELECT sum(v.amount_minor) AS revenue, coalesce(l.points, 0) AS points FROM visits v LEFT JOIN customer_loyalty l ON l.customer_id = v.customer_id
       WHERE v.kind = 'visit' AND v.archived_at IS NULL AND v.customer_id IS NOT NULL AND v.occurred_at >= ? AND v.occurred_at < ? GROUP BY v.customer_id`,
    )
    .all(from, to) as { revenue: number; points: number }[];
  const cutoffs = moneyCutoffs(spent.map((row) => row.revenue).filter((revenue) => revenue > 0).sort((a, b) => b - a), rules);
  const counts = Object.fromEntries(tiers.map((tier) => [tier, 0])) as Record<Tier, number>;
  for (const row of spent) counts[decideTier(row.revenue, row.points, cutoffs, rules).tier] += 1;
  counts.small += (db.prepare('SELECT count(*) FROM customers WHERE archived_at IS NULL AND created_at < ?').pluck().get(to) as number) - spent.length;
  return { month: monthEnd.minus({ months: 1 }).toFormat('yyyy-MM'), counts };
};

describe('seeding a large book in bulk', () => {
  const now = new Date('2026-11-23T10:00:00Z');

  it('leaves every index and search trigger the book declares, a sound book, and every customer findable', () => {
    const core = freshCore();
    const before = schemaOf(core);
    seedBook(core.db, { customers: 5000, visits: 10000, seed: 11, days: 730, now });
    expect(schemaOf(core)).toEqual(before);
    expect(checkBook(core.info.dataDir)).toMatchObject({ sound: true, problems: [] });
    const customers = core.db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
    expect(core.db.prepare('SELECT count(*) FROM customers_fts').pluck().get()).toBe(customers);
    const someone = core.db.prepare('SELECT rid, name FROM customers ORDER BY length(name) DESC, rid DESC LIMIT 1').get() as { rid: number; name: string };
    const found = core.db.prepare('SELECT rowid FROM customers_fts WHERE name MATCH ?').pluck().all(`"${someone.name}"`) as number[];
    expect(found).toContain(someone.rid);
  }, 180_000);

  it('records the year of tier history the monthly pass would have, month by month', () => {
    const core = freshCore();
    seedBook(core.db, { customers: 600, visits: 8000, seed: 3, days: 730, now });
    for (let back = 1; back < 12; back += 1) {
      const { month, counts } = tierCountsByQuery(core, now, back);
      const stored = Object.fromEntries(
        (core.db.prepare('SELECT tier, customers FROM loyalty_tier_history WHERE month = ?').all(month) as { tier: Tier; customers: number }[]).map((row) => [row.tier, row.customers]),
      );
      expect(stored).toEqual(counts);
    }
  });
});
