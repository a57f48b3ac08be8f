import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerName, InputOf } from '../../shared/contract';
import { auditLabels } from '../../shared/i18n/audit';
import { jobKinds, type JobProgress } from '../../shared/contract/jobs';
import type { AppError } from '../../shared/errors';
import { describeError } from '../../shared/i18n/describe-error';
import { errorMessages } from '../../shared/i18n/errors';
import { languages } from '../../shared/locale';
import type { Core } from '../../electron/core/core';
import { bookPath } from '../../electron/core/paths';
import { syncThroughFolder } from '../../electron/core/sync';
import { customerRecordParticipants } from '../../electron/core/core';
import { bookSnapshot, callOk, fixedClock, freshCore, tempDir } from '../support/core';

const projectRoot = process.cwd();
const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const folderFor = (): string => {
  const dir = tempDir('regulars-shared-');
  made.push(dir);
  return dir;
};

/** The book's content, leaving out the sync's own record of its last attempt (a refused sync notes why, for the status). */
const content = (core: Core): string =>
  bookSnapshot(core, ['settings']) + JSON.stringify(core.db.prepare("SELECT * FROM settings WHERE key NOT LIKE 'state.syncLast%' ORDER BY key").all());

/** A refusal: the specific sentence in every language (never the generic "cannot be done right now"), the book unchanged. */
const expectRefused = async <N extends HandlerName>(core: Core, name: N, input: InputOf<N>, reason: string) => {
  const before = content(core);
  const result = await core.call(name, input);
  expect(result.ok).toBe(false);
  const error = (result as { error: AppError }).error;
  expect(error).toMatchObject({ code: 'INVALID_STATE', details: { reason } });
  expectSpecificSentence(error, reason);
  expect(content(core)).toBe(before);
};

const expectSpecificSentence = (error: AppError, reason: string) => {
  for (const language of languages) {
    const sentence = describeError(error, language);
    expect(sentence).toBe((errorMessages[language].states as Record<string, string>)[reason]);
    expect(sentence).not.toBe(errorMessages[language].codes.INVALID_STATE);
  }
};

const customer = { name: '林美華', phones: ['0912 345 678'] };

/** Device A with a customer, shared through `folder` and synced once (the book left there for joiners). */
const sharedBook = async (folder: string, options: Parameters<typeof freshCore>[0] = {}) => {
  const a = freshCore({ projectRoot, ...options });
  const mei = await callOk(a, 'customers-create', customer);
  const invitation = await callOk(a, 'devices-invite', {});
  await callOk(a, 'sync-folder-set', { folder });
  await callOk(a, 'sync-now', {});
  return { a, mei, code: invitation.code };
};

/** Device B: joined with the code, its folder set, its first sync fetching the book. */
const joinedDevice = async (code: string, folder: string, options: Parameters<typeof freshCore>[0] = {}, name?: string) => {
  const b = freshCore({ projectRoot, ...options });
  await callOk(b, 'devices-join', name === undefined ? { code } : { code, name });
  await callOk(b, 'sync-folder-set', { folder });
  await callOk(b, 'sync-now', {});
  return b;
};

describe('Settings → Devices: who may', () => {
  it('refuses staff every devices and sync action but the status, and changes nothing', async () => {
    const core = freshCore({ role: 'staff', projectRoot });
    const before = bookSnapshot(core);
    const calls: [HandlerName, unknown][] = [
      ['devices-list', {}],
      ['devices-invite', {}],
      ['devices-join', { code: 'regulars-invite-x' }],
      ['devices-rename', { id: '01JAAAAAAAAAAAAAAAAAAAAAAA', name: 'Laptop' }],
      ['devices-remove', { id: '01JAAAAAAAAAAAAAAAAAAAAAAA' }],
      ['sync-folder-set', { folder: '/tmp' }],
      ['sync-now', {}],
    ];
    for (const [name, input] of calls) expect(await core.callUnknown(name, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await callOk(core, 'sync-status', {})).toMatchObject({ shared: false, waitingChanges: 0, quietDevices: [] });
    expect(bookSnapshot(core)).toBe(before);
  });
});

describe('Settings → Devices: sharing, joining, syncing through the folder', () => {
  it('invites with a code and its QR code, joins, fetches the book into the open app, and carries changes both ways', { timeout: 60_000 }, async () => {
    const folder = folderFor();
    const { a, mei, code } = await sharedBook(folder);
    expect(code).toMatch(/^regulars-invite-/);
    const { qr } = await callOk(a, 'devices-invite', {});
    expect(qr.rows).toHaveLength(qr.size);
    expect(qr.size).toBeGreaterThanOrEqual(21);
    // The three finder patterns of every QR code: a 7-module dark square in three corners.
    for (const row of [qr.rows[0]!, qr.rows[qr.size - 7]!]) expect(row.startsWith('1111111')).toBe(true);
    expect(qr.rows[0]!.endsWith('1111111')).toBe(true);
    expect(await callOk(a, 'sync-status', {})).toMatchObject({ shared: true, folderReachable: true, lastError: null, waitingChanges: 0 });

    const b = await joinedDevice(code, folder, {}, 'Owner’s laptop');
    // The open app's book was replaced: the same core answers with A's customer, without a restart.
    expect((await callOk(b, 'customers-get', { id: mei.id })).name).toBe('林美華');
    const statusB = await callOk(b, 'sync-status', {});
    expect(statusB).toMatchObject({ shared: true, awaitingBook: false, folder: path.resolve(folder), lastError: null });
    expect(statusB.lastSyncedAt).not.toBeNull();

    await callOk(a, 'customers-update', { id: mei.id, fields: { ...customer, notes: '少冰' } });
    // One customer edited: one change waiting, though its record and its phone list are noted apart.
    expect(a.db.prepare('SELECT count(*) FROM sync_outbox').pluck().get()).toBe(2);
    expect((await callOk(a, 'sync-status', {})).waitingChanges).toBe(1);
    await callOk(b, 'visits-log', { customerId: mei.id, amountMinor: 4500 });
    await callOk(a, 'sync-now', {});
    expect((await callOk(a, 'sync-status', {})).waitingChanges).toBe(0);
    await callOk(b, 'sync-now', {});
    await callOk(a, 'sync-now', {});
    for (const core of [a, b]) {
      expect((await callOk(core, 'customers-get', { id: mei.id })).notes).toBe('少冰');
      expect(core.db.prepare('SELECT count(*) FROM visits WHERE customer_id = ?').pluck().get(mei.id)).toBe(1);
    }

    // Each device lists both; the other one as last heard from when its changes arrived.
    const listed = await callOk(a, 'devices-list', {});
    expect(listed).toHaveLength(2);
    expect(listed.filter((device) => device.thisDevice)).toHaveLength(1);
    // The laptop goes by the name given when it joined.
    expect(listed.find((device) => !device.thisDevice)?.name).toBe('Owner’s laptop');
    for (const device of listed) expect(device.lastSyncedAt).not.toBeNull();
  });

  it('runs the sync as a job in the worker, with progress, while the counter keeps writing', { timeout: 60_000 }, async () => {
    const folder = folderFor();
    const { a, mei } = await sharedBook(folder, { jobWorkerFile: path.resolve('dist/worker/jobs.cjs') });
    const phases: string[] = [];
    const changes: string[] = [];
    a.events.on('job-progress', (progress: JobProgress) => void (progress.kind === 'sync' && phases.push(progress.phase)));
    a.events.on('data-changed', ({ handler }) => void changes.push(handler));
    await callOk(a, 'customers-update', { id: mei.id, fields: { ...customer, notes: '熱的' } });
    const running: string[] = [];
    a.events.on('job-finished', ({ kind }) => void (kind === 'sync' && running.push('finished')));
    a.events.on('job-progress', (progress: JobProgress) => void (progress.kind === 'sync' && progress.phase === 'start' && running.push('started')));
    const syncing = a.call('sync-now', {});
    // Another sync asked for meanwhile waits for the first: never two at once.
    const next = a.call('sync-now', {});
    await callOk(a, 'visits-log', { customerId: mei.id, amountMinor: 1200 });
    expect((await syncing).ok).toBe(true);
    expect((await next).ok).toBe(true);
    expect(running).toEqual(['started', 'finished', 'started', 'finished']);
    expect(phases).toEqual(expect.arrayContaining(['record', 'project', 'send']));
    expect(jobKinds).toContain('sync');
    // One refresh for each sync itself (besides the writes' own); the visit written meanwhile went with the second.
    expect(changes.filter((handler) => handler === 'sync-run')).toHaveLength(2);
    expect((await callOk(a, 'sync-status', {})).waitingChanges).toBe(0);
  });

  it('removes another device (marked removed, listed so) and points out a device not heard from for 7 days', { timeout: 60_000 }, async () => {
    const folder = folderFor();
    const clock = fixedClock('2026-12-01T09:00:00Z');
    const { a, code } = await sharedBook(folder, { now: clock.now });
    const b = await joinedDevice(code, folder, { now: clock.now });
    await callOk(b, 'sync-now', {});
    await callOk(a, 'sync-now', {});
    const other = (await callOk(a, 'devices-list', {})).find((device) => !device.thisDevice)!;
    expect((await callOk(a, 'sync-status', {})).quietDevices).toEqual([]);
    clock.set('2026-12-09T09:00:00Z');
    expect((await callOk(a, 'sync-status', {})).quietDevices).toEqual([{ id: other.id, name: other.name, lastSyncedAt: other.lastSyncedAt }]);

    const listed = await callOk(a, 'devices-remove', { id: other.id });
    expect(listed.find((device) => device.id === other.id)?.removedAt).toBe('2026-12-09T09:00:00.000Z');
    expect((await callOk(a, 'sync-status', {})).quietDevices).toEqual([]);
    await expectRefused(a, 'devices-remove', { id: other.id }, 'device_already_removed');
    const self = (await callOk(a, 'devices-list', {})).find((device) => device.thisDevice)!;
    await expectRefused(a, 'devices-remove', { id: self.id }, 'remove_this_device');
    const renamed = await callOk(a, 'devices-rename', { id: self.id, name: 'Counter PC' });
    expect(renamed.find((device) => device.thisDevice)?.name).toBe('Counter PC');
    // What the owner did to the book's sharing is in the audit trail, with the names before and after.
    const trail = a.db.prepare("SELECT action, before_json, after_json FROM audit_log WHERE entity = 'device' ORDER BY at, rowid").all() as { action: string; before_json: string | null; after_json: string | null }[];
    expect(trail.map((entry) => entry.action)).toEqual(['device.invite', 'sync.folder', 'device.remove', 'device.rename']);
    expect(JSON.parse(trail[3]!.after_json!)).toEqual({ deviceName: 'Counter PC' });
    // Read back labelled as a device's name, not a person's, and titled by it.
    const shown = (await callOk(a, 'audit-list', { limit: 10 })).entries.find((entry) => entry.action === 'device.rename')!;
    expect(shown.entityLabel).toBe('Counter PC');
    expect(auditLabels['zh-Hant'].fields.deviceName).toBe('裝置名稱');
  });
});

describe('Settings → Devices: every refusal has its own sentence and leaves the book as it was', () => {
  it('not_an_invitation, already_shared, book_not_empty', async () => {
    const empty = freshCore({ projectRoot });
    await expectRefused(empty, 'devices-join', { code: 'regulars-invite-not-really' }, 'not_an_invitation');
    await expectRefused(empty, 'devices-join', { code: 'hello' }, 'not_an_invitation');

    const other = freshCore({ projectRoot });
    const { code } = await callOk(other, 'devices-invite', {});
    await expectRefused(other, 'devices-join', { code }, 'already_shared');

    const busy = freshCore({ projectRoot });
    await callOk(busy, 'customers-create', customer);
    await expectRefused(busy, 'devices-join', { code }, 'book_not_empty');
  });

  it('not_shared, no_sync_folder, folder_missing, book_not_in_folder', async () => {
    const unshared = freshCore({ projectRoot });
    await expectRefused(unshared, 'sync-now', {}, 'not_shared');
    await expectRefused(unshared, 'sync-folder-set', { folder: folderFor() }, 'not_shared');

    const inviter = freshCore({ projectRoot });
    const { code } = await callOk(inviter, 'devices-invite', {});
    await expectRefused(inviter, 'sync-now', {}, 'no_sync_folder');
    const gone = path.join(folderFor(), 'usb');
    mkdirSync(gone);
    await callOk(inviter, 'sync-folder-set', { folder: gone });
    rmSync(gone, { recursive: true });
    await expectRefused(inviter, 'sync-now', {}, 'folder_missing');
    // The status says why, in the same words.
    const status = await callOk(inviter, 'sync-status', {});
    expect(status).toMatchObject({ folderReachable: false, lastError: { code: 'INVALID_STATE', details: { reason: 'folder_missing' } } });

    // The inviting device has not synced yet: the folder holds no book to fetch.
    const joiner = freshCore({ projectRoot });
    await callOk(joiner, 'devices-join', { code });
    await callOk(joiner, 'sync-folder-set', { folder: folderFor() });
    await expectRefused(joiner, 'sync-now', {}, 'book_not_in_folder');
    expect((await callOk(joiner, 'sync-status', {})).awaitingBook).toBe(true);
  });

  it('book_not_fetched (the command line syncing a joined device before it fetched its book)', async () => {
    const inviter = freshCore({ projectRoot });
    const { code } = await callOk(inviter, 'devices-invite', {});
    const joiner = freshCore({ projectRoot });
    await callOk(joiner, 'devices-join', { code });
    const before = content(joiner);
    const bookFile = bookPath(joiner.info.dataDir);
    const result = await syncThroughFolder({ bookFile, folder: folderFor(), projectRoot, participants: customerRecordParticipants, now: () => new Date() });
    expect(result).toMatchObject({ ok: false, error: { details: { reason: 'book_not_fetched' } } });
    if (!result.ok) expectSpecificSentence(result.error, 'book_not_fetched');
    expect(content(joiner)).toBe(before);
  });

  it('the command line says the same sentences (dist/cli, built by `npm test`)', { timeout: 60_000 }, () => {
    const data = tempDir();
    made.push(data);
    const cli = (args: string[]) => spawnSync(process.execPath, ['dist/cli/index.cjs', ...args, '--data', data], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '' } });
    const joined = cli(['devices', 'join', '--code', 'not-a-code']);
    expect(joined.status).not.toBe(0);
    expect(joined.stderr.trim()).toBe(`${errorMessages.en.states.not_an_invitation} (not_an_invitation)`);
    const synced = cli(['sync', '--folder', folderFor()]);
    expect(synced.status).not.toBe(0);
    expect(synced.stderr.trim()).toBe(`${errorMessages.en.states.not_shared} (not_shared)`);
  });
});
