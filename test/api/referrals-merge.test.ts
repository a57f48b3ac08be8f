import { describe, expect, it } from 'vitest';
import { callOk, fixedClock, freshCore } from '../support/core';

type Core = ReturnType<typeof freshCore>;

/** Every row of every table a merge touches: what "exactly" means for an undo. */
const customerState = (core: Core): string => {
  const tables = core.db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'customers_fts%' AND name NOT IN ('audit_log', 'customer_merges') ORDER BY name",
    )
    .pluck()
    .all() as string[];
  return JSON.stringify(tables.map((table) => [table, core.db.prepare(`SELECT * FROM "${table}" ORDER BY 1, 2`).all()]));
};

const links = (core: Core): string[] =>
  (
    core.db
      .prepare('SELECT c.name AS customer, p.name AS referrer FROM referrals r JOIN customers c ON c.id = r.customer_id JOIN customers p ON p.id = r.referrer_id')
      .all() as { customer: string; referrer: string }[]
  )
    .map((row) => `${row.customer}←${row.referrer}`)
    .sort();

const book = async (core: Core, names: string[]) => {
  const people: Record<string, string> = {};
  for (const name of names) people[name] = (await callOk(core, 'customers-create', { name })).id;
  return people;
};

const refer = (core: Core, people: Record<string, string>, customer: string, referrer: string) =>
  callOk(core, 'referrals-set', { customerId: people[customer]!, referrerId: people[referrer]! });

const mergeAndUndo = async (core: Core, clock: ReturnType<typeof fixedClock>, survivorId: string, absorbedId: string, check: () => Promise<void>) => {
  const before = customerState(core);
  clock.set('2026-03-05T10:00:00.000Z');
  const survivor = await callOk(core, 'customers-get', { id: survivorId });
  const { merge } = await callOk(core, 'customers-merge', { survivorId, absorbedId, fields: { name: survivor.name } });
  await check();
  clock.set('2026-03-06T10:00:00.000Z');
  await callOk(core, 'customers-merge-undo', { mergeId: merge.id });
  expect(customerState(core)).toBe(before);
};

describe('merging customers with referrals', () => {
  it('drops the link between the two, re-points the rest to the survivor, and undo restores both exactly', async () => {
    const clock = fixedClock('2026-03-01T10:00:00.000Z');
    const core = freshCore({ now: clock.now });
    // Ann (a duplicate of Sam) referred Sam; Rex referred Ann; Ann brought Cat.
    const people = await book(core, ['Sam', 'Ann', 'Rex', 'Cat']);
    await refer(core, people, 'Sam', 'Ann');
    await refer(core, people, 'Ann', 'Rex');
    await refer(core, people, 'Cat', 'Ann');
    await callOk(core, 'visits-log', { customerId: people.Cat!, amountMinor: 100 });
    await mergeAndUndo(core, clock, people.Sam!, people.Ann!, async () => {
      expect(links(core)).toEqual(['Cat←Sam', 'Sam←Rex']);
      const tree = await callOk(core, 'referrals-tree', { id: people.Sam! });
      expect(tree.rewards.map((reward) => reward.referred.name)).toEqual(['Cat']);
      expect(tree.referredBy?.referrer.name).toBe('Rex');
    });
    expect(links(core)).toEqual(['Ann←Rex', 'Cat←Ann', 'Sam←Ann']);
  });

  it('never closes a loop: a survivor whose referrer is down the absorbed customer’s tree loses that referrer', async () => {
    const clock = fixedClock('2026-03-01T10:00:00.000Z');
    const core = freshCore({ now: clock.now });
    // Sam brought Xia, Xia brought Ann (Sam's duplicate), Ann brought Yu. As one customer, Sam would be referred by Xia whom Sam brought.
    const people = await book(core, ['Sam', 'Xia', 'Ann', 'Yu']);
    await refer(core, people, 'Xia', 'Sam');
    await refer(core, people, 'Ann', 'Xia');
    await refer(core, people, 'Yu', 'Ann');
    await mergeAndUndo(core, clock, people.Sam!, people.Ann!, async () => {
      expect(links(core)).toEqual(['Xia←Sam', 'Yu←Sam']);
    });
  });

  it('keeps the survivor’s own referrer when both had one, moves the absorbed customer’s reward, and gives it back on undo', async () => {
    const clock = fixedClock('2026-03-01T10:00:00.000Z');
    const core = freshCore({ now: clock.now });
    const people = await book(core, ['Sam', 'Ann', 'Rex', 'Ray']);
    await refer(core, people, 'Sam', 'Rex');
    await refer(core, people, 'Ann', 'Ray');
    await callOk(core, 'visits-log', { customerId: people.Ann!, amountMinor: 100 });
    await mergeAndUndo(core, clock, people.Sam!, people.Ann!, async () => {
      expect(links(core)).toEqual(['Sam←Rex']);
      const ray = await callOk(core, 'referrals-tree', { id: people.Ray! });
      expect(ray.rewards.map((reward) => [reward.referred.name, reward.status])).toEqual([['Sam', 'earned']]);
      // Sam's purchase (Ann's, moved) earns nothing more for Rex: a customer earns one reward.
      expect((await callOk(core, 'referrals-tree', { id: people.Rex! })).rewards).toEqual([]);
    });
  });

  it('counts a customer’s links and rewards before a purge, and deletes them with the customer', async () => {
    const core = freshCore();
    const people = await book(core, ['Amy', 'Ben', 'Cat']);
    await refer(core, people, 'Ben', 'Amy');
    await refer(core, people, 'Cat', 'Ben');
    await callOk(core, 'visits-log', { customerId: people.Ben!, amountMinor: 100 });
    await callOk(core, 'customers-archive', { id: people.Ben! });
    const preview = await callOk(core, 'customers-purge-preview', { id: people.Ben! });
    expect(preview.records.filter((record) => record.kind.startsWith('referral'))).toEqual([
      { kind: 'referrals', count: 2 },
      { kind: 'referralRewards', count: 1 },
    ]);
    await callOk(core, 'customers-purge', { id: people.Ben! });
    expect(links(core)).toEqual([]);
    expect(core.db.prepare('SELECT count(*) FROM referral_rewards').pluck().get()).toBe(0);
    expect(core.db.prepare("SELECT count(*) FROM reminders WHERE kind = 'referral_reward'").pluck().get()).toBe(0);
    expect((await callOk(core, 'referrals-tree', { id: people.Amy! })).total).toBe(0);
  });
});
