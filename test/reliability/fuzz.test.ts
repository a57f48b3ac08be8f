import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { contract, handlerNames, type HandlerName } from '../../shared/contract';
import { errorCodes } from '../../shared/errors';
import { checkBook } from '../../electron/core/check';
import type { Core } from '../../electron/core/core';
import { seedBook } from '../../electron/core/seed/seed';
import { setConflict } from '../../electron/core/sync/queries';
import { registerDevice } from '../../electron/core/sync/registry';
import { newExchangeKeys } from '../../electron/core/sync/book-key-seals';
import { bookSnapshot, callOk, freshCore, setUpOwner, tempDir, testPin } from '../support/core';
import { importPlanOf } from '../support/result';
import { anyInput } from './arbitraries';
import { confinePaths } from './confine';
import { sized } from './scale';

const runsPerHandler = sized(60, 1000);
let inputsTried = 0;
const accepted = new Map<string, number>();

/**
 * Handlers that check the owner's PIN or recovery code: a wrong one is refused AND counted (that is
 * what slows guessing) and audited. Their refusals may change exactly that, never the secrets.
 */
const countsWrongSecrets = new Set(['auth-unlock', 'auth-recover', 'auth-change-pin', 'auth-new-recovery-code']);
/** A backup that fails is recorded, loudly, in the backup history and the audit trail: nothing else may change. */
const recordsFailures = new Set(['backup-create']);
const snapshotFor = (core: Core, name: string): string => {
  if (countsWrongSecrets.has(name)) {
    return bookSnapshot(core, ['audit_log', 'owner_secrets']) + JSON.stringify(core.db.prepare('SELECT kind, hash, set_at FROM owner_secrets ORDER BY kind').all());
  }
  return recordsFailures.has(name) ? bookSnapshot(core, ['audit_log', 'backup_runs']) : bookSnapshot(core);
};

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
  /** Complaints in hand, resolved, and waiting on the owner's approval. */
  complaints: { open: string; resolved: string; escalated: string };
  staffId: string;
  /** A customer with no referrer of their own, and a referral reward earned and not handed over. */
  referrer: string;
  earnedReward: string;
  /** A reminder snoozed to a day, a reward already handed over, and a win-back call: each can be undone. */
  snoozed: { id: string; until: string };
  givenReward: string;
  winBackAttempt: string;
  files: FuzzFiles | null;
  devices: FuzzDevices | null;
}

/** A shared book with its folder in the sandbox and another device registered; an invitation for an empty book to join. */
interface FuzzDevices {
  thisDevice: string;
  otherDevice: string;
  folder: string;
  joinCode: string;
  /** A customer's notes given two values apart (as a sync would have kept them). */
  conflict: { rowKey: string; deviceId: string; at: string };
}

const deviceHandlers = /^(devices|sync)-/;

/** Shares the book through a folder in the sandbox, with a second device in its registry (as a joined one registers). */
const prepareDevices = async (core: Core, sandbox: string): Promise<FuzzDevices> => {
  const folder = path.join(sandbox, 'shared');
  mkdirSync(folder);
  await callOk(core, 'devices-invite', {});
  await callOk(core, 'sync-folder-set', { folder });
  const otherDevice = '01KAAAAAAAAAAAAAAAAAAAAAAA';
  registerDevice(core.db, otherDevice, 'Laptop', '2026-11-01T00:00:00.000Z', newExchangeKeys().publicKey, false);
  const thisDevice = (await callOk(core, 'devices-list', {})).find((device) => device.thisDevice)!.id;
  const elsewhere = freshCore();
  const { code } = await callOk(elsewhere, 'devices-invite', {});
  const rowKey = core.db.prepare('SELECT id FROM customers ORDER BY rid LIMIT 1').pluck().get() as string;
  const shown = core.db.prepare('SELECT notes FROM customers WHERE id = ?').pluck().get(rowKey) as string;
  const at = '2026-11-02T09:00:00.000Z';
  const cells = [
    { value: shown, device: thisDevice, at: '2026-11-02T08:00:00.000Z' },
    { value: '少冰', device: otherDevice, at },
  ];
  setConflict(core.db, 'customers', rowKey, 'notes', JSON.stringify(cells));
  return { thisDevice, otherDevice, folder, joinCode: code, conflict: { rowKey, deviceId: otherDevice, at } };
};

const knownGoodDevices = (devices: FuzzDevices): Partial<Record<HandlerName, unknown>> => ({
  'devices-rename': { id: devices.thisDevice, name: 'Counter PC' },
  'devices-remove': { id: devices.otherDevice },
  'devices-join': { code: devices.joinCode },
  'sync-folder-set': { folder: devices.folder },
  'sync-serve-set': { serving: true },
  'sync-conflicts-of': { record: { kind: 'customer', id: devices.conflict.rowKey } },
  'sync-conflict-pick': { table: 'customers', column: 'notes', ...devices.conflict },
});

/** What the file handlers need: a folder of their own, a backup, a spreadsheet, work in progress. */
interface FuzzFiles {
  sandbox: string;
  backupFile: string;
  preparedId: string;
  spreadsheet: string;
  plan: Record<string, unknown>;
  uploadId: string;
  /** An import already committed, to undo. */
  importRunId: string;
}

const fileHandlers = /^(backup|restore|import|export|files)-/;

/** A backup to restore and a spreadsheet to import, made through the handlers themselves. */
const prepareFiles = async (core: Core, sandbox: string): Promise<FuzzFiles> => {
  mkdirSync(path.join(sandbox, 'backups'));
  const backup = await callOk(core, 'backup-create', { folder: path.join(sandbox, 'backups') });
  const earlier = await callOk(core, 'restore-prepare', { source: { kind: 'path', path: backup.file }, passphrase: null });
  await callOk(core, 'restore-confirm', { preparedId: earlier.preparedId });
  const prepared = await callOk(core, 'restore-prepare', { source: { kind: 'path', path: backup.file }, passphrase: null });
  const spreadsheet = path.join(sandbox, 'members.csv');
  writeFileSync(spreadsheet, '姓名,電話,生日\n陳美玲,0912345678,1990-03-04\n林志明,0922333444,\n');
  const source = { kind: 'path' as const, path: spreadsheet };
  const plan = importPlanOf(source, await callOk(core, 'import-analyse', { source }));
  const upload = await callOk(core, 'files-upload-begin', { name: 'members.csv', sizeBytes: 3 });
  const imported = await callOk(core, 'import-commit', importPlanOf(source, await callOk(core, 'import-analyse', { source })));
  return { sandbox, backupFile: backup.file, preparedId: prepared.preparedId, spreadsheet, plan, uploadId: upload.uploadId, importRunId: imported.importId };
};

const knownGoodFiles = (files: FuzzFiles): Partial<Record<HandlerName, unknown>> => ({
  'backup-create': { folder: path.join(files.sandbox, 'backups') },
  'backup-list': { folder: path.join(files.sandbox, 'backups') },
  'restore-read': { source: { kind: 'path', path: files.backupFile } },
  'restore-prepare': { source: { kind: 'path', path: files.backupFile }, passphrase: null },
  'restore-confirm': { preparedId: files.preparedId },
  'restore-undo': {},
  'export-run': { what: 'customers', format: 'csv', folder: path.join(files.sandbox, 'exports') },
  'import-analyse': { source: { kind: 'path', path: files.spreadsheet } },
  'import-preview': files.plan,
  'import-commit': files.plan,
  'import-undo': { id: files.importRunId },
  'files-upload-chunk': { uploadId: files.uploadId, offset: 0, data: Buffer.from('abc').toString('base64') },
  'files-pick': { purpose: 'folder' },
});

const knownGood = (book: FuzzBook): Partial<Record<HandlerName, unknown>> => ({
  'auth-setup': { shopName: 'Corner Café', currency: 'TWD', language: null, pin: '7391' },
  'sheet-xlsx': { sheet: 'Calls', rows: [['Name', 'Phone'], ['王小明', '0912345678']] },
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
  'complaints-log': { customerId: book.active[0], channel: 'phone', category: 'price', severity: 'low', description: 'Charged twice' },
  'complaints-get': { id: book.complaints.open },
  'sync-conflicts-of': { record: { kind: 'customer', id: book.active[0] } },
  'sync-conflict-pick': { table: 'customers', rowKey: book.active[0], column: 'notes', deviceId: 'DEVICEB', at: '2026-12-01T09:05:00.000Z' },
  'complaints-acknowledge': { id: book.complaints.open },
  'complaints-resolve': { id: book.complaints.open, resolution: 'Replaced the drink', compensation: null },
  'complaints-escalate': { id: book.complaints.open, compensation: { kind: 'refund', amountMinor: 90_000 } },
  'complaints-decide-escalation': { id: book.complaints.escalated, approve: true },
  'complaints-follow-up': { id: book.complaints.resolved, satisfaction: 2 },
  'complaints-close': { id: book.complaints.resolved },
  'complaints-reopen': { id: book.complaints.resolved, note: 'It happened again' },
  'complaints-settings-update': { replyHoursHigh: 3, openingHoursOnly: true },
  'staff-update': { id: book.staffId, name: 'Amy Chen', active: true },
  'satisfaction-record': { customerId: book.active[0], level: 0, note: 'waited too long' },
  'loyalty-customer': { id: book.active[0] },
  'loyalty-dashboard': { fromMonth: '2025-04', toMonth: '2026-03' },
  'loyalty-settings-update': { keyShare: 0.1, remainingYears: 4 },
  'referrals-set': { customerId: book.active[0], referrerId: book.referrer },
  'referrals-reward-give': { id: book.earnedReward },
  'referrals-reward-void': { id: book.earnedReward, reason: 'Brought by mistake' },
  'referrals-reward-ungive': { id: book.givenReward },
  'reminders-unsnooze': { id: book.snoozed.id, until: book.snoozed.until, restore: null },
  'winback-undo-attempt': { id: book.winBackAttempt, restoreSnoozedUntil: null },
  'referrals-rules-update': { rewardKind: 'points', rewardValue: 50, minFirstPurchaseMinor: 10000 },
  ...(book.files === null ? {} : knownGoodFiles(book.files)),
  ...(book.devices === null ? {} : knownGoodDevices(book.devices)),
});

describe('fuzzing every handler with arbitrary and adversarial input', () => {
  let core: Core;
  let ids: string[];
  let examples: Partial<Record<HandlerName, unknown>>;
  let sandbox: string;

  beforeEach(async (context) => {
    sandbox = tempDir('regulars-fuzz-files-');
    // The desktop's file dialog, answering as the owner would: a folder in the test's own space.
    core = freshCore({ nativeDialogs: { pick: () => Promise.resolve(path.join(sandbox, 'picked')) } });
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
    const complaint = (description: string) =>
      callOk(core, 'complaints-log', { customerId: active[2]!, channel: 'in_person', category: 'service_attitude', severity: 'medium', description });
    const openComplaint = await complaint('Waited too long');
    const resolvedComplaint = await complaint('Wrong order');
    await callOk(core, 'complaints-resolve', { id: resolvedComplaint.id, resolution: 'Made it again', compensation: null });
    const escalatedComplaint = await complaint('Broken cup');
    await callOk(core, 'complaints-escalate', { id: escalatedComplaint.id, compensation: { kind: 'refund', amountMinor: 90_000 } });
    const referrer = await callOk(core, 'customers-create', { name: 'Referrer' });
    const brought = await callOk(core, 'customers-create', { name: 'Brought' });
    await callOk(core, 'referrals-set', { customerId: brought.id, referrerId: referrer.id });
    await callOk(core, 'visits-log', { customerId: brought.id, amountMinor: 50000 });
    const [earnedReward] = (await callOk(core, 'referrals-tree', { id: referrer.id })).rewards;
    const snoozed = await callOk(core, 'reminders-create', { customerId: active[2]!, dueDay: '2099-01-03', note: 'Ask again' });
    await callOk(core, 'reminders-snooze', { id: snoozed.id, until: '2099-01-10' });
    const givingReferrer = await callOk(core, 'customers-create', { name: 'Second referrer' });
    const broughtToo = await callOk(core, 'customers-create', { name: 'Brought too' });
    await callOk(core, 'referrals-set', { customerId: broughtToo.id, referrerId: givingReferrer.id });
    await callOk(core, 'visits-log', { customerId: broughtToo.id, amountMinor: 50000 });
    const [givenReward] = (await callOk(core, 'referrals-tree', { id: givingReferrer.id })).rewards;
    await callOk(core, 'referrals-reward-give', { id: givenReward!.id });
    const call = await callOk(core, 'winback-record-attempt', { customerId: active[2]!, outcome: 'declined' });
    // Notes given two values on two devices while apart, as a shared book's sync leaves them (this book is not shared).
    const apart = [
      { value: 'Oat latte', device: 'DEVICEA', at: '2026-12-01T09:00:00.000Z', staff: null },
      { value: 'No sugar', device: 'DEVICEB', at: '2026-12-01T09:05:00.000Z', staff: null },
    ];
    core.db.prepare('INSERT INTO sync_conflicts (tbl, row_key, col, values_json) VALUES (?, ?, ?, ?)').run('customers', active[2], 'notes', JSON.stringify(apart));
    const files = fileHandlers.test(context.task.name) ? await prepareFiles(core, sandbox) : null;
    const devices = deviceHandlers.test(context.task.name) ? await prepareDevices(core, sandbox) : null;
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
      complaints: { open: openComplaint.id, resolved: resolvedComplaint.id, escalated: escalatedComplaint.id },
      staffId: core.db.prepare('SELECT id FROM staff ORDER BY id LIMIT 1').pluck().get() as string,
      referrer: referrer.id,
      earnedReward: earnedReward!.id,
      snoozed: { id: snoozed.id, until: '2099-01-10' },
      givenReward: givenReward!.id,
      winBackAttempt: call.attempt.id,
      files,
      devices,
    });
    // Only an empty book joins a shared one: joining is fuzzed on a book set up and empty.
    if (context.task.name.startsWith('devices-join ')) {
      core = freshCore();
      await setUpOwner(core);
      core.session.role = 'owner';
    }
    ids = [
      testPin,
      recoveryCode,
      merged.merge.id,
      reminder.id,
      closed.id,
      lost.id,
      openComplaint.id,
      resolvedComplaint.id,
      escalatedComplaint.id,
      earnedReward!.id,
      snoozed.id,
      givenReward!.id,
      call.attempt.id,
      ...(devices === null ? [] : [devices.thisDevice, devices.otherDevice]),
      ...(core.db.prepare('SELECT id FROM customers ORDER BY rid LIMIT 6').pluck().all() as string[]),
      ...(core.db.prepare('SELECT id FROM visits ORDER BY id LIMIT 6').pluck().all() as string[]),
      ...(core.db.prepare('SELECT id FROM staff').pluck().all() as string[]),
    ];
  });

  /** Hostile inputs, a well-meaning one now and then, and every path among them kept inside the sandbox. */
  const inputsFor = (name: HandlerName): fc.Arbitrary<unknown> => {
    const hostile = anyInput(contract[name].input, ids).map((input) => confinePaths(input, sandbox));
    return name in examples ? fc.oneof({ weight: 8, arbitrary: hostile }, { weight: 1, arbitrary: fc.constant(examples[name]) }) : hostile;
  };

  it.each(handlerNames)('%s answers a typed error or a valid result, and a refusal changes nothing', async (name) => {
    const spec = contract[name];
    for (const role of ['owner', 'staff'] as const) {
      core.session.role = role;
      await fc.assert(
        fc.asyncProperty(inputsFor(name), async (input) => {
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
