import { createServer, type Server } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HandlerName, InputOf } from '../../shared/contract';
import type { AppError } from '../../shared/errors';
import { describeError } from '../../shared/i18n/describe-error';
import { errorMessages } from '../../shared/i18n/errors';
import { languages } from '../../shared/locale';
import type { Core } from '../../electron/core/core';
import { bookSnapshot, callOk, freshCore, tempDir } from '../support/core';

/**
 * The app serving its book on the shop's network and a second app syncing with it: two app cores
 * on 127.0.0.1 (the serving one with the job worker and the serving thread, as the app runs them).
 */
const projectRoot = process.cwd();
const workerFile = path.resolve('dist/worker/jobs.cjs');
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A port another program holds on loopback. */
const holdPort = (port: number): Promise<Server> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      servers.push(server);
      resolve(server);
    });
  });

const portOf = (server: Server): number => (server.address() as { port: number }).port;

/**
 * The book's content, leaving out the sync's own record of its last attempt (a refused sync notes
 * why, for the status), its outbox and how far its documents are written into it: a sync over the
 * network notes this device's own changes in its documents before it connects, whatever the
 * serving device answers, and the book already holds them.
 */
const content = (core: Core): string =>
  bookSnapshot(core, ['settings', 'sync_outbox', 'sync_buckets']) + JSON.stringify(core.db.prepare("SELECT * FROM settings WHERE key NOT LIKE 'state.syncLast%' ORDER BY key").all());

const expectSpecificSentence = (error: AppError, reason: string) => {
  expect(error).toMatchObject({ code: 'INVALID_STATE', details: { reason } });
  for (const language of languages) {
    const sentence = describeError(error, language);
    expect(sentence).toBe((errorMessages[language].states as Record<string, string>)[reason]);
    expect(sentence).not.toBe(errorMessages[language].codes.INVALID_STATE);
  }
};

/** A refusal: the specific sentence in every language, the book unchanged. */
const expectRefused = async <N extends HandlerName>(core: Core, name: N, input: InputOf<N>, reasons: readonly string[]) => {
  const before = content(core);
  const result = await core.call(name, input);
  expect(result.ok).toBe(false);
  const error = (result as { error: AppError }).error;
  expect(reasons).toContain(error.code === 'INVALID_STATE' ? error.details.reason : error.code);
  expectSpecificSentence(error, (error as { details: { reason: string } }).details.reason);
  expect(content(core)).toBe(before);
};

const customer = { name: '林美華', phones: ['0912 345 678'] };

/** The counter: a customer, the book shared and served on loopback; an invitation made while serving. */
const servingCounter = async (options: Parameters<typeof freshCore>[0] = {}) => {
  const a = freshCore({ projectRoot, jobWorkerFile: workerFile, ...options });
  const mei = await callOk(a, 'customers-create', customer);
  const before = await callOk(a, 'devices-invite', {});
  expect(before.address).toBeNull();
  const status = await callOk(a, 'sync-serve-set', { serving: true });
  expect(status.serving?.address).toMatch(/^regulars:\/\/127\.0\.0\.1:\d+$/);
  expect(status.serveWanted).toBe(true);
  const invitation = await callOk(a, 'devices-invite', {});
  expect(invitation.address).toBe(status.serving!.address);
  return { a, mei, code: invitation.code, address: status.serving!.address };
};

describe('Settings → Devices over the shop’s network', () => {
  it('serves the book; a laptop joins, fetches it and syncs edits both ways; removal shuts it out at once', { timeout: 120_000 }, async () => {
    const { a, mei, code, address } = await servingCounter();
    const b = freshCore({ projectRoot, jobWorkerFile: workerFile });
    const joined = await callOk(b, 'devices-join', { code });
    expect(joined.peer).toBe(address);
    expect(await callOk(b, 'sync-status', {})).toMatchObject({ awaitingBook: true, peer: address, folder: '' });

    // The first sync fetches the book over the network (the empty one replaced) and syncs.
    const first = await callOk(b, 'sync-now', {});
    expect(first).toMatchObject({ awaitingBook: false, peer: address, lastError: null, serving: null, serveWanted: false, folder: '' });
    expect(first.lastSyncedAt).not.toBeNull();
    expect((await callOk(b, 'customers-get', { id: mei.id })).name).toBe('林美華');

    // Edits apart on each, then one sync from the laptop: each has the other's.
    const tan = await callOk(a, 'customers-create', { name: '陳志明', phones: ['0922 111 222'] });
    await callOk(b, 'customers-update', { id: mei.id, fields: { ...customer, notes: '少冰' } });
    await callOk(b, 'visits-log', { customerId: mei.id, amountMinor: 12_000 });
    await callOk(b, 'sync-now', {});
    for (const core of [a, b]) {
      expect((await callOk(core, 'customers-get', { id: mei.id })).notes).toBe('少冰');
      expect((await callOk(core, 'customers-get', { id: tan.id })).name).toBe('陳志明');
      expect(core.db.prepare('SELECT count(*) FROM visits WHERE customer_id = ?').pluck().get(mei.id)).toBe(1);
    }
    // And back: an edit on the counter arrives at the laptop's next sync.
    await callOk(a, 'customers-update', { id: tan.id, fields: { name: '陳志明', phones: ['0922 111 222'], notes: '熱的' } });
    await callOk(b, 'sync-now', {});
    expect((await callOk(b, 'customers-get', { id: tan.id })).notes).toBe('熱的');

    // Both list both devices, each with when it was last synced or heard from.
    for (const core of [a, b]) {
      const listed = await callOk(core, 'devices-list', {});
      expect(listed).toHaveLength(2);
      for (const device of listed) expect(device.lastSyncedAt).not.toBeNull();
    }
    expect((await callOk(a, 'sync-status', {})).lastSyncedAt).not.toBeNull();

    // Removed on the counter: the laptop's very next sync is refused, and its book is left as it was.
    const laptop = (await callOk(a, 'devices-list', {})).find((device) => !device.thisDevice)!;
    await callOk(a, 'devices-remove', { id: laptop.id });
    await callOk(b, 'customers-update', { id: mei.id, fields: { ...customer, notes: '去冰' } });
    await expectRefused(b, 'sync-now', {}, ['peer_device_removed']);
    expect((await callOk(a, 'customers-get', { id: mei.id })).notes).toBe('少冰');
    expect((await callOk(b, 'sync-status', {})).lastError).not.toBeNull();
  });

  it('stops serving when asked: the laptop cannot reach it, and syncs through the folder when it has one', { timeout: 120_000 }, async () => {
    const { a, mei, code } = await servingCounter();
    const b = freshCore({ projectRoot });
    await callOk(b, 'devices-join', { code });
    await callOk(b, 'sync-now', {});
    const stopped = await callOk(a, 'sync-serve-set', { serving: false });
    expect(stopped).toMatchObject({ serving: null, serveWanted: false, serveError: null });
    await expectRefused(b, 'sync-now', {}, ['peer_unreachable']);
    expect((await callOk(b, 'sync-status', {})).lastError).toMatchObject({ details: { reason: 'peer_unreachable' } });
    // Stopped by the owner, not failed: the counter's status says nothing went wrong.
    expect(await callOk(a, 'sync-status', {})).toMatchObject({ serving: null, serveWanted: false, serveError: null });

    // With a folder both reach, the laptop away from the counter's network syncs through it.
    const folder = tempDir('regulars-shared-');
    await callOk(a, 'sync-folder-set', { folder });
    await callOk(b, 'sync-folder-set', { folder });
    await callOk(b, 'customers-update', { id: mei.id, fields: { ...customer, notes: '外帶' } });
    const synced = await callOk(b, 'sync-now', {});
    expect(synced.lastError).toBeNull();
    await callOk(a, 'sync-now', {});
    expect((await callOk(a, 'customers-get', { id: mei.id })).notes).toBe('外帶');
  });

  it('takes the next port when the default is taken, keeps it, and says so in every language when it is taken later', { timeout: 60_000 }, async () => {
    const taken = await holdPort(0);
    const first = portOf(taken);
    const a = freshCore({ projectRoot, shopNetwork: { host: '127.0.0.1', port: first } });
    await callOk(a, 'customers-create', customer);
    await callOk(a, 'devices-invite', {});
    const serving = await callOk(a, 'sync-serve-set', { serving: true });
    const port = Number(serving.serving!.address.split(':').at(-1));
    expect(port).toBeGreaterThan(first);
    await callOk(a, 'sync-serve-set', { serving: false });

    // The port kept (the other devices have that address) is now another program's: no silent move to another one.
    await holdPort(port);
    const result = await a.call('sync-serve-set', { serving: true });
    expect(result.ok).toBe(false);
    expectSpecificSentence((result as { error: AppError }).error, 'serve_port_taken');
    expect(await callOk(a, 'sync-status', {})).toMatchObject({ serving: null, serveWanted: false, serveError: { details: { reason: 'serve_port_taken' } } });
  });

  it('refuses to serve a book that is not shared, or not fetched yet, with its sentence', async () => {
    const lone = freshCore({ projectRoot });
    await expectRefused(lone, 'sync-serve-set', { serving: true }, ['not_shared']);
    const { code } = await servingCounter({ jobWorkerFile: undefined });
    const joined = freshCore({ projectRoot });
    await callOk(joined, 'devices-join', { code });
    await expectRefused(joined, 'sync-serve-set', { serving: true }, ['book_not_fetched']);
  });
});
