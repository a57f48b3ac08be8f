import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../electron/core/db/connection';
import { treeRows } from '../../electron/core/referrals/queries';
import { referralRewardsTimelineSource } from '../../electron/core/referrals/timeline';
import { rewardsToHandOver } from '../../electron/core/reminders/sources/referral-reward-queries';
import { newestCursor } from '../../electron/core/timeline/sources';
import { freshCore } from '../support/core';

/** Every statement `work` prepares on this connection (a new one: statements are prepared once per connection). */
const preparedBy = (db: Db, work: () => void): string[] => {
  const sql: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((source: string) => {
    sql.push(source);
    return prepare(source);
  }) as Db['prepare'];
  try {
    work();
  } finally {
    db.prepare = prepare;
  }
  return sql;
};

const planOf = (db: Db, sql: string): string => {
  const params = (sql.match(/@\w+/g) ?? []).map((name) => name.slice(1));
  const statement = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (params.length > 0 ? statement.all(Object.fromEntries(params.map((name) => [name, '[]']))) : statement.all(...Array((sql.match(/\?/g) ?? []).length).fill('[]'))) as { detail: string }[];
  return rows.map((row) => row.detail).join('\n');
};

describe('one customer’s referral rewards are read through that customer, not through every reward of a status', () => {
  it('the profile timeline and the reminders raised on each visit seek the referrer', () => {
    const db = openDatabase(freshCore().info.bookFile);
    const sql = preparedBy(db, () => {
      referralRewardsTimelineSource(db, 'c1', newestCursor, 51);
      rewardsToHandOver(db, ['c1']);
    }).filter((text) => text.includes('referral_rewards') && (text.includes('@id') || text.includes('json_each(?) j')));
    expect(sql).toHaveLength(2);
    for (const text of sql) {
      const plan = planOf(db, text);
      expect(plan).toMatch(/referral_rewards_referrer/);
      expect(plan).not.toMatch(/referral_rewards_status/);
    }
    db.close();
  });
});

describe('a customer’s referral tree reads the customers it found by their key', () => {
  it('the profile’s referral section never scans every customer', () => {
    const db = openDatabase(freshCore().info.bookFile);
    const sql = preparedBy(db, () => {
      treeRows(db, 'c1', 200);
    }).filter((text) => text.includes('ORDER BY t.path'));
    expect(sql).toHaveLength(1);
    const plan = planOf(db, sql[0]!);
    expect(plan).toMatch(/SEARCH c USING INDEX sqlite_autoindex_customers_1/);
    expect(plan).not.toMatch(/SCAN c\b/);
    db.close();
  });
});
