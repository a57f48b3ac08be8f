import fc from 'fast-check';
import { expect } from 'vitest';
import type { Core } from '../../electron/core/core';
import { afterWrite, catchUpDerived, passInSteps, rebuildDerived } from '../../electron/core/derive';
import { generateReminders } from '../../electron/core/reminders/engine';
import { currentSettings } from '../../electron/core/settings/current';
import { exportTables } from '../../electron/core/transfer/export/tables';
import { localDay } from '../../shared/time';
import type { HandlerName, InputOf } from '../../shared/contract';
import { fixedClock, freshCore } from './core';
import { derivedState } from './derived-state';

/**
 * The property that holds derived data: after every write of a random history — visits and
 * contacts, archiving and restoring them, merges and their undo, complaints through their
 * lifecycle, referrals and their rewards, satisfaction answers, lost and won-back marks, rule
 * and zone changes, imported histories, the shop's day turning — what the incremental passes
 * left equals what a full rebuild makes, row for row. The rebuild runs in a savepoint that is
 * rolled back, so drift would accumulate rather than be repaired step by step.
 */

const action = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('customer' as const) }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('visit' as const), who: fc.nat(), daysAgo: fc.nat({ max: 400 }), amount: fc.option(fc.integer({ min: 100, max: 50_000 })), satisfaction: fc.option(fc.constantFrom(0, 1, 2, 3) as fc.Arbitrary<0 | 1 | 2 | 3>) }), weight: 8 },
  { arbitrary: fc.record({ kind: fc.constant('contact' as const), who: fc.nat(), daysAgo: fc.nat({ max: 60 }) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('archive-visit' as const), which: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('restore-visit' as const), which: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('archive-customer' as const), who: fc.nat(), restore: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('merge' as const), who: fc.nat(), into: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('undo-merge' as const) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('complaint' as const), who: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('complaint-step' as const), which: fc.nat(), step: fc.constantFrom('acknowledge', 'resolve', 'follow-up', 'close', 'reopen'), satisfaction: fc.option(fc.constantFrom(0, 1, 2, 3) as fc.Arbitrary<0 | 1 | 2 | 3>) }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('referral' as const), who: fc.nat(), by: fc.nat() }), weight: 2 },
  { arbitrary: fc.record({ kind: fc.constant('reward' as const), which: fc.nat(), give: fc.boolean() }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('satisfaction' as const), who: fc.nat(), level: fc.constantFrom(0, 1, 2, 3) as fc.Arbitrary<0 | 1 | 2 | 3> }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('standing' as const), who: fc.nat(), mark: fc.constantFrom('lost', 'won-back', 'undo') }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('rules' as const), lapseMultiplier: fc.constantFrom(1.5, 2, 3), pointsPerLift: fc.integer({ min: 1, max: 5 }), zone: fc.constantFrom('Asia/Taipei', 'Europe/Berlin', 'America/New_York') }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('imported' as const), who: fc.nat(), visits: fc.integer({ min: 0, max: 40 }), spanDays: fc.integer({ min: 0, max: 700 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('day' as const), days: fc.integer({ min: 1, max: 40 }) }), weight: 2 },
);

export type DeriveAction = typeof action extends fc.Arbitrary<infer A> ? A : never;

const dayMs = 86_400_000;

/** What the day's first pass leaves besides rows: the money cut-offs, the month the tiers are of, and the reminders' stamp. */
const dayState = (db: Core['db']) =>
  db.prepare(`SELECT key, value FROM settings WHERE key IN ('state.loyalty.cutoffs', 'state.loyalty.month', 'state.reminders.generated') ORDER BY key`).all();

/** Every table of the full JSON export, as it would be written on the shop's day. */
const exported = (db: Core['db'], now: Date) => {
  const today = localDay(now, currentSettings({ db }).timeZone);
  return Object.fromEntries(exportTables.map((table) => [table.name, [...table.rows(db, today)].map((row) => table.json(row))]));
};

/** Plays one history on a fresh book, checking the property after every step. */
const play = async (actions: readonly DeriveAction[]): Promise<void> => {
  const clock = fixedClock('2026-03-10T01:00:00.000Z');
  const core = freshCore({ now: clock.now });
  const call = <N extends HandlerName>(name: N, input: InputOf<N>) => core.call(name, input);
  const customers: string[] = [];
  const visits: string[] = [];
  const complaints: string[] = [];
  const merges: string[] = [];
  let imports = 0;
  const pick = <T>(list: readonly T[], index: number): T | undefined => (list.length === 0 ? undefined : list[index % list.length]);
  const ago = (days: number) => new Date(clock.now().getTime() - days * dayMs - (days % 7) * 3_600_000).toISOString();
  await call('settings-update', { timeZone: 'Asia/Taipei', currency: 'TWD' });

  for (const step of actions) {
    await perform(core, call, step, { customers, visits, complaints, merges, pick, ago, clock, nextImport: () => (imports += 1) });
    const incremental = derivedState(core.db);
    const exportedBefore = exported(core.db, clock.now());
    core.db.exec('SAVEPOINT full_rebuild');
    rebuildDerived({ db: core.db, now: clock.now });
    const rebuilt = derivedState(core.db);
    const exportedAfter = exported(core.db, clock.now());
    core.db.exec('ROLLBACK TO full_rebuild; RELEASE full_rebuild');
    expect(rebuilt, `after ${JSON.stringify(step)}`).toEqual(incremental);
    // What the owner takes away: a recompute (the full rebuild) changes nothing any export shows.
    expect(exportedAfter, `the export after ${JSON.stringify(step)}`).toEqual(exportedBefore);
    // The worker's pass, made in short steps customer chunk by chunk (here two customers a chunk), leaves the same rows.
    core.db.exec('SAVEPOINT pass_in_steps');
    for (const pass of passInSteps({ db: core.db, now: clock.now }, 'full', 2)) pass.run();
    const stepped = derivedState(core.db);
    core.db.exec('ROLLBACK TO pass_in_steps; RELEASE pass_in_steps');
    expect(stepped, `the pass in steps after ${JSON.stringify(step)}`).toEqual(incremental);
  }
  core.close();
};

interface Book {
  customers: string[];
  visits: string[];
  complaints: string[];
  merges: string[];
  pick: <T>(list: readonly T[], index: number) => T | undefined;
  ago: (days: number) => string;
  clock: ReturnType<typeof fixedClock>;
  nextImport: () => number;
}

type Call = <N extends HandlerName>(name: N, input: InputOf<N>) => Promise<unknown>;

const valueOf = (answer: unknown): Record<string, unknown> | null =>
  typeof answer === 'object' && answer !== null && 'ok' in answer && answer.ok === true && 'value' in answer ? (answer.value as Record<string, unknown>) : null;

const perform = async (core: Core, call: Call, step: DeriveAction, book: Book): Promise<void> => {
  const { customers, visits, complaints, merges, pick, ago, clock } = book;
  switch (step.kind) {
    case 'customer': {
      const created = valueOf(await call('customers-create', { name: `Customer ${customers.length + 1}` }));
      if (created) customers.push(created.id as string);
      return;
    }
    case 'visit': {
      const customerId = pick(customers, step.who);
      if (customerId === undefined) return;
      const logged = valueOf(await call('visits-log', { customerId, occurredAt: ago(step.daysAgo), amountMinor: step.amount, satisfaction: step.satisfaction }));
      if (logged) visits.push(logged.id as string);
      return;
    }
    case 'contact': {
      const customerId = pick(customers, step.who);
      if (customerId !== undefined) await call('visits-log-contact', { customerId, method: 'message', occurredAt: ago(step.daysAgo) });
      return;
    }
    case 'archive-visit': {
      const id = pick(visits, step.which);
      if (id !== undefined) await call('visits-archive', { id });
      return;
    }
    case 'restore-visit': {
      const id = pick(visits, step.which);
      if (id !== undefined) await call('visits-unarchive', { id });
      return;
    }
    case 'archive-customer': {
      const id = pick(customers, step.who);
      if (id !== undefined) await call(step.restore ? 'customers-unarchive' : 'customers-archive', { id });
      return;
    }
    case 'merge': {
      const survivorId = pick(customers, step.into);
      const absorbedId = pick(customers, step.who);
      if (survivorId === undefined || absorbedId === undefined) return;
      const merged = valueOf(await call('customers-merge', { survivorId, absorbedId, fields: { name: `Merged ${merges.length + 1}` } }));
      if (merged) merges.push((merged.merge as { id: string }).id);
      return;
    }
    case 'undo-merge': {
      const mergeId = merges.pop();
      if (mergeId !== undefined) await call('customers-merge-undo', { mergeId });
      return;
    }
    case 'complaint': {
      const customerId = pick(customers, step.who);
      if (customerId === undefined) return;
      const logged = valueOf(await call('complaints-log', { customerId, channel: 'in_person', category: 'price', severity: 'medium', description: 'Too dear' }));
      if (logged) complaints.push(logged.id as string);
      return;
    }
    case 'complaint-step': {
      const id = pick(complaints, step.which);
      if (id === undefined) return;
      if (step.step === 'acknowledge') await call('complaints-acknowledge', { id });
      else if (step.step === 'resolve') await call('complaints-resolve', { id, resolution: 'Refunded', compensation: null });
      else if (step.step === 'follow-up') await call('complaints-follow-up', { id, satisfaction: step.satisfaction, note: '' });
      else if (step.step === 'close') await call('complaints-close', { id });
      else await call('complaints-reopen', { id, note: 'Not fixed' });
      return;
    }
    case 'referral': {
      const customerId = pick(customers, step.who);
      const referrerId = pick(customers, step.by);
      if (customerId !== undefined && referrerId !== undefined) await call('referrals-set', { customerId, referrerId });
      return;
    }
    case 'reward': {
      const rewards = core.db.prepare("SELECT id FROM referral_rewards WHERE status = 'earned' ORDER BY id").pluck().all() as string[];
      const id = pick(rewards, step.which);
      if (id !== undefined) await (step.give ? call('referrals-reward-give', { id }) : call('referrals-reward-void', { id, reason: 'Mistake' }));
      return;
    }
    case 'satisfaction': {
      const customerId = pick(customers, step.who);
      if (customerId !== undefined) await call('satisfaction-record', { customerId, level: step.level });
      return;
    }
    case 'standing': {
      const customerId = pick(customers, step.who);
      if (customerId === undefined) return;
      if (step.mark === 'lost') await call('winback-mark-lost', { customerId, reason: 'price' });
      else if (step.mark === 'won-back') await call('winback-mark-won-back', { customerId });
      else {
        const event = core.db.prepare('SELECT id FROM customer_status_events WHERE customer_id = ? AND archived_at IS NULL ORDER BY at DESC LIMIT 1').pluck().get(customerId) as string | undefined;
        if (event !== undefined) await call('winback-undo-status', { id: event });
      }
      return;
    }
    case 'rules': {
      await call('reminders-settings-update', { lapseMultiplier: step.lapseMultiplier });
      await call('loyalty-settings-update', { pointsPerLift: step.pointsPerLift });
      await call('settings-update', { timeZone: step.zone });
      return;
    }
    case 'imported': {
      const customerId = pick(customers, step.who);
      if (customerId === undefined) return;
      const last = ago(30);
      const first = new Date(Date.parse(last) - step.spanDays * dayMs).toISOString();
      core.db
        .prepare(
          `INSERT INTO imported_histories (id, customer_id, import_id, source_name, visit_count, revenue_minor, first_visit_at, last_visit_at, recorded_at)
           VALUES (?, ?, ?, 'pos.csv', ?, ?, ?, ?, ?)`,
        )
        .run(`h${book.nextImport()}`, customerId, 'import', step.visits, step.visits * 1000, step.visits === 0 ? null : first, step.visits === 0 ? null : last, clock.now().toISOString());
      afterWrite({ db: core.db, now: clock.now }, { customerIds: [customerId] });
      return;
    }
    case 'day': {
      // What the app does when the shop's day turns (ReminderDays.check): the worker's catch-up in
      // steps, or, when the runner is taken, the catch-up on the core's thread and the day's reminders.
      clock.set(new Date(clock.now().getTime() + step.days * dayMs).toISOString());
      // Both must leave the same book, the day's money cut-offs and the month closed included.
      core.db.exec('SAVEPOINT day_in_steps');
      for (const pass of passInSteps({ db: core.db, now: clock.now }, 'catch-up', 2)) pass.run();
      const stepped = { ...derivedState(core.db), days: dayState(core.db) };
      core.db.exec('ROLLBACK TO day_in_steps; RELEASE day_in_steps');
      catchUpDerived({ db: core.db, now: clock.now });
      generateReminders({ db: core.db, now: clock.now });
      expect(stepped, 'the day’s catch-up in steps').toEqual({ ...derivedState(core.db), days: dayState(core.db) });
      return;
    }
  }
};

/** Runs `runs` random histories of up to `steps` writes each. */
export const checkDeriveProperty = async (runs: number, steps: number, seed?: number): Promise<void> => {
  await fc.assert(
    fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: steps }), (actions) => play(actions)),
    { numRuns: runs, ...(seed === undefined ? {} : { seed }) },
  );
};
