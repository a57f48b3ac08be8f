import { describe, expect, it } from 'vitest';
import { openBook } from '../../electron/core/book';
import { openDatabase } from '../../electron/core/db/connection';
import { migrate } from '../../electron/core/db/migrate';
import { migrations } from '../../electron/core/db/migrations';
import { bookPath } from '../../electron/core/paths';
import { tempDir } from '../support/core';

const october = ['2026-09-30T16:00:00.000Z', '2026-10-31T16:00:00.000Z'];
const november = ['2026-10-31T16:00:00.000Z', '2026-11-30T16:00:00.000Z'];

describe('migration 031: referred first-timers kept per month', () => {
  it('forgets the months kept before, then the month of a customer’s first visit when their referral changes', () => {
    const dir = tempDir();
    const db = openDatabase(bookPath(dir));
    migrate(db, () => '', migrations.filter((migration) => migration.version < 31));
    const keptBefore = db.prepare('INSERT INTO visit_month_figures (from_at, to_at, visits, revenue_minor, customers, new_customers) VALUES (?, ?, 1, 100, 1, 1)');
    keptBefore.run(...october);
    db.close();
    const { db: upgraded } = openBook(dir, { now: () => new Date('2026-12-02T00:00:00Z') });
    // Kept without the referred count: counted again rather than read as none referred.
    expect(upgraded.prepare('SELECT count(*) FROM visit_month_figures WHERE from_at = ?').pluck().get(october[0])).toBe(0);

    const customer = upgraded.prepare("INSERT INTO customers (id, name, name_key, first_visit_at, created_at, updated_at, last_seen_at) VALUES (?, ?, ?, ?, 'x', 'x', 'x')");
    customer.run('ada', 'Ada', 'ada', '2026-10-05T00:00:00.000Z');
    customer.run('ben', 'Ben', 'ben', '2026-11-07T00:00:00.000Z');
    customer.run('cho', 'Cho', 'cho', null);
    const keep = upgraded.prepare('INSERT OR REPLACE INTO visit_month_figures (from_at, to_at, visits, revenue_minor, customers, new_customers) VALUES (?, ?, 0, 0, 0, 0)');
    const kept = () => upgraded.prepare('SELECT from_at FROM visit_month_figures ORDER BY from_at').pluck().all();
    const keepBoth = () => {
      keep.run(...october);
      keep.run(...november);
    };

    keepBoth();
    const refer = upgraded.prepare("INSERT INTO referrals (customer_id, referrer_id, referred_at, created_at, updated_at) VALUES (?, 'cho', '2026-12-01T00:00:00.000Z', 'x', 'x')");
    // Noted in December, for a customer who first came in October: October's count changes.
    refer.run('ada');
    expect(kept()).toEqual([november[0]]);
    keepBoth();
    upgraded.prepare("UPDATE referrals SET customer_id = 'ben' WHERE customer_id = 'ada'").run();
    expect(kept()).toEqual([]);
    keepBoth();
    upgraded.prepare("DELETE FROM referrals WHERE customer_id = 'ben'").run();
    expect(kept()).toEqual([october[0]]);
    keepBoth();
    // A customer who has not come yet has no month to forget.
    upgraded.prepare("INSERT INTO referrals (customer_id, referrer_id, referred_at, created_at, updated_at) VALUES ('cho', 'ada', 'x', 'x', 'x')").run();
    expect(kept()).toEqual([october[0], november[0]]);
    upgraded.close();
  });
});
