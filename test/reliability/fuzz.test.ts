import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { contract, handlerNames, type HandlerName } from '../../shared/contract';
import { errorCodes } from '../../shared/errors';
import { checkBook } from '../../electron/core/check';
import type { Core } from '../../electron/core/core';
import { seedBook } from '../../electron/core/seed/seed';
import { bookSnapshot, callOk, freshCore, setUpOwner, testPin } from '../support/core';
import { anyInput } from './arbitraries';
import { sized } from './scale';

const runsPerHandler = sized(60, 1000);
let inputsTried = 0;
const accepted = new Map<string, number>();

/**
 * Handlers that check the owner's PIN or recovery code: a wrong one is refused AND counted (that is
 * what slows guessing) and audited. Their refusals may change exactly that, never the secrets.
 */
const countsWrongSecrets = new Set(['auth-unlock', 'auth-recover', 'auth-change-pin', 'auth-new-recovery-code']);
const snapshotFor = (core: Core, name: string): string =>
  countsWrongSecrets.has(name)
    ? bookSnapshot(core, ['audit_log', 'owner_secrets']) + JSON.stringify(core.db.prepare('SELECT kind, hash, set_at FROM owner_secrets ORDER BY kind').all())
    : bookSnapshot(core);

const isResult = (value: unknown): boolean =>
  value !== null && typeof value === 'object' && (('ok' in value && value.ok === true && 'value' in value) || ('ok' in value && value.ok === false && 'error' in value));

/**
 * One input each that a well-meaning caller would send, for handlers whose success needs several
 * facts of the book at once (two mergeable customers, a new PIN beside the current one): mixed in
 * among the hostile ones, they make sure the fuzzer also runs the code behind the checks.
 */
interface FuzzBook {
  pin: string;
  recoveryCode: string;
  mergeId: string;
  active: string[];
  archivedVisit: string;
  openReminder: string;
  closedReminder: string;
  lostCustomer: string;
  statusEvent: string;
}

const knownGood = (book: FuzzBook): Partial<Record<HandlerName, unknown>> => ({
  'auth-setup': { shopName: 'Corner Café', currency: 'TWD', language: null, pin: '7391' },
  'auth-recover': { recoveryCode: book.recoveryCode, newPin: '7391' },
  'auth-change-pin': { currentPin: book.pin, newPin: '7391' },
  'auth-new-recovery-code': { pin: book.pin },
  'customers-merge': { survivorId: book.active[0], absorbedId: book.active[1], fields: { name: 'Merged again' } },
  'customers-merge-undo': { mergeId: book.mergeId },
  'visits-unarchive': { id: book.archivedVisit },
  'reminders-complete': { id: book.openReminder, note: 'called, all good' },
  'reminders-dismiss': { id: book.openReminder },
  'reminders-snooze': { id: book.openReminder, until: '2099-01-01' },
  'reminders-reopen': { id: book.closedReminder },
  'reminders-create': { customerId: book.active[0], dueDay: '2099-01-01', note: 'Tell about the new beans' },
  'winback-record-attempt': { customerId: book.active[0], outcome: 'no_answer' },
  'winback-mark-won-back': { customerId: book.lostCustomer },
  'winback-undo-status': { id: book.statusEvent },
  'winback-stats': { from: '2026-01-01', to: '2026-12-31' },
  'customers-update': { id: book.active[0], fields: { name: 'Renamed', phones: ['0912 345 678'] } },
  'customers-archive': { id: book.active[0] },
  'visits-log': { customerId: book.active[0], amountMinor: 12000, satisfaction: 2 },
  'visits-log-contact': { customerId: book.active[0], method: 'call', note: 'asked about beans' },
  'customers-merge-preview': { survivorId: book.active[0], absorbedId: book.active[1] },
  'winback-mark-lost': { customerId: book.active[0], reason: 'competitor' },
});

describe('fuzzing every handler with arbitrary and adversarial input', () => {
  let core: Core;
  let ids: string[];
  let examples: Partial<Record<HandlerName, unknown>>;

  beforeEach(async (context) => {
    core = freshCore();
    seedBook(core.db, { customers: 30, visits: 120, seed: 3, days: 60, now: new Date('2026-11-01T00:00:00Z') });
    // Some records in every state, so state-changing handlers have something to act on.
    core.db.exec("UPDATE customers SET archived_at = '2026-10-01T00:00:00.000Z' WHERE rid IN (SELECT rid FROM customers ORDER BY rid LIMIT 3)");
    core.db.exec("UPDATE visits SET archived_at = '2026-10-01T00:00:00.000Z' WHERE id IN (SELECT id FROM visits ORDER BY id LIMIT 3)");
    core.db.exec(
      "UPDATE visits SET archived_at = '2026-10-01T00:00:00.000Z' WHERE id = (SELECT v.id FROM visits v JOIN customers c ON c.id = v.customer_id WHERE c.archived_at IS NULL ORDER BY v.id DESC LIMIT 1)",
    );
    // A shop past setup (except for fuzzing setup itself), with a merge to undo: the secrets and
    // ids the owner's handlers need.
    const settingUp = context.task.name.startsWith('auth-setup ');
    const recoveryCode = settingUp ? '' : await setUpOwner(core);
    core.session.role = 'owner';
    const active = core.db.prepare('SELECT id FROM customers WHERE archived_at IS NULL ORDER BY rid DESC LIMIT 4').pluck().all() as string[];
    const merged = await callOk(core, 'customers-merge', { survivorId: active[0]!, absorbedId: active[1]!, fields: { name: 'Merged Customer' } });
    const archivedVisit = core.db.prepare('SELECT v.id FROM visits v JOIN customers c ON c.id = v.customer_id WHERE v.archived_at IS NOT NULL AND c.archived_at IS NULL LIMIT 1').pluck().get() as string;
    const reminder = await callOk(core, 'reminders-create', { customerId: active[2]!, dueDay: '2099-01-01', note: 'Call back' });
    const closed = await callOk(core, 'reminders-create', { customerId: active[3]!, dueDay: '2099-01-02', note: 'Done already' });
    await callOk(core, 'reminders-complete', { id: closed.id });
    const lost = await callOk(core, 'winback-mark-lost', { customerId: active[3]!, reason: 'price' });
    examples = knownGood({
      pin: testPin,
      recoveryCode,
      mergeId: merged.merge.id,
      active: active.slice(2),
      archivedVisit,
      openReminder: reminder.id,
      closedReminder: closed.id,
      lostCustomer: active[3]!,
      statusEvent: lost.id,
    });
    ids = [
      testPin,
      recoveryCode,
      merged.merge.id,
      reminder.id,
      closed.id,
      lost.id,
      ...(core.db.prepare('SELECT id FROM customers ORDER BY rid LIMIT 6').pluck().all() as string[]),
      ...(core.db.prepare('SELECT id FROM visits ORDER BY id LIMIT 6').pluck().all() as string[]),
      ...(core.db.prepare('SELECT id FROM staff').pluck().all() as string[]),
    ];
  });

  it.each(handlerNames)('%s answers a typed error or a valid result, and a refusal changes nothing', async (name) => {
    const spec = contract[name];
    for (const role of ['owner', 'staff'] as const) {
      core.session.role = role;
      await fc.assert(
        fc.asyncProperty(name in examples ? fc.oneof({ weight: 8, arbitrary: anyInput(spec.input, ids) }, { weight: 1, arbitrary: fc.constant(examples[name]) }) : anyInput(spec.input, ids), async (input) => {
          inputsTried += 1;
          const before = spec.mutates ? snapshotFor(core, name) : '';
          const result = await core.callUnknown(name, input);
          expect(isResult(result)).toBe(true);
          if (result.ok) accepted.set(name, (accepted.get(name) ?? 0) + 1);
          if (!result.ok) {
            expect(errorCodes).toContain(result.error.code);
            expect(result.error.code, JSON.stringify(result.error)).not.toBe('INTERNAL');
            if (spec.mutates) expect(snapshotFor(core, name)).toBe(before);
          }
          expect(JSON.parse(JSON.stringify(result))).toEqual(result);
        }),
        { numRuns: runsPerHandler, seed: 20261123 },
      );
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(checkBook(core.info.dataDir).problems).toEqual([]);
  }, 300_000);

  it('counts what it tried, and got past validation into every handler', () => {
    expect(inputsTried).toBeGreaterThanOrEqual(handlerNames.length * runsPerHandler * 2);
    const total = [...accepted.values()].reduce((sum, count) => sum + count, 0);
    console.log(`fuzz: ${inputsTried} inputs across ${handlerNames.length} handlers, both roles; ${total} accepted`, Object.fromEntries(accepted));
    expect(handlerNames.filter((name) => !accepted.has(name))).toEqual([]);
  });
});
