import { statSync } from 'node:fs';
import path from 'node:path';
import { quietDeviceDays, type DeviceSummary, type SyncStatus } from '../../../shared/contract/devices';
import type { AppError } from '../../../shared/errors';
import { err, ok, type Result } from '../../../shared/result';
import type { CustomerRecordsParticipant } from '../customer-records';
import type { Db } from '../db/connection';
import { nativeBindingForThisProcess } from '../db/native-binding';
import type { EventBus } from '../events';
import type { JobStarter } from '../jobs';
import { readStateValue, writeStateValue } from '../settings';
import { readDevice } from './device';
import { fetchBookFromPeer } from './network/client';
import type { SessionReport } from './network/server';
import { outboxCount, peersLastHeard, setPeerHeard } from './queries';
import { listDevices, renameDevice } from './registry';
import { syncStateKeys } from './device-state';
import { removeDevice } from './network/removal';
import { serveInline, serveInThread, type Serving, type ServingInput } from './serving';
import { fetchJoinedBook } from './session';

export interface SyncServiceDeps {
  /** The live book (fetching a joined book replaces it). */
  db: () => Db;
  now: () => Date;
  events: EventBus;
  jobs: JobStarter;
  bookFile: string;
  projectRoot: string | undefined;
  /** Closes the live book, puts the fetched file in its place and opens it: the restore's path (core.ts). */
  replaceBook: (fetchedFile: string) => Result<null>;
  participants: readonly CustomerRecordsParticipant[];
  /** Where this device serves the book on the shop's network: the interface and the first port tried. */
  shopNetwork: ShopNetwork;
  /** The serving thread's bundle (dist/worker/serve.cjs); without it the listener runs in this thread (tests, the command line). */
  serveWorkerFile: string | undefined;
}

export interface ShopNetwork {
  /** 0.0.0.0: every interface of this computer (tests: 127.0.0.1). */
  host: string;
  port: number;
}

/** The port other devices find a serving Regulars on unless it is taken (the command line's too). */
export const defaultShopNetwork: ShopNetwork = { host: '0.0.0.0', port: 47_800 };
/** Ports tried after the first when it is taken, the first time a device serves; the one found is kept. */
const fallbackPorts = 9;

/** Each device's own (settings `state.*` never travel): where it reaches the shared folder, and how its last sync went. */
const folderKey = syncStateKeys.folder;
const lastSyncedKey = syncStateKeys.lastSynced;
const lastErrorKey = syncStateKeys.lastError;
/** Whether the owner shares the book on the shop's network from this device, and on which port (kept: other devices have the address). */
const serveKey = syncStateKeys.serve;
const servePortKey = syncStateKeys.servePort;

const firstSyncDelayMs = 5_000;
const syncEveryMs = 5 * 60_000;
const dayMs = 24 * 60 * 60_000;

const stringState = (db: Db, key: string): string | null => {
  const value = readStateValue(db, key);
  return typeof value === 'string' ? value : null;
};

const storedError = (db: Db): AppError | null => {
  const value = readStateValue(db, lastErrorKey);
  return value !== null && typeof value === 'object' && typeof (value as { code?: unknown }).code === 'string' ? (value as AppError) : null;
};

/** Over the network, failures that say the serving device is not there (away from the shop): the folder is tried instead. */
const notThere = new Set(['peer_unreachable', 'peer_timeout', 'peer_closed']);

const unableToServe = (reason: 'cannot_listen' | 'serve_port_taken'): AppError => (err('INVALID_STATE', { reason }) as { error: AppError }).error;

const isFolder = (folder: string): boolean => {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
};

/**
 * The app's side of sharing a book through a folder and on the shop's network: this device's
 * folder, serving the book to the other devices while the app runs, syncs as jobs in the worker
 * (asked for, on start and every few minutes) through the folder or with the serving device, a
 * joined device fetching its book (the live book closed, replaced and reopened as a restore does),
 * the devices with when each was last heard from, and the status the shell shows.
 */
export class SyncService {
  private running = false;
  /** Syncs asked for, and sessions served, run one after another, never two at once. */
  private queue: Promise<unknown> = Promise.resolve();
  private timers: NodeJS.Timeout[] = [];
  private serving: Serving | null = null;
  /** Why serving did not start (a port taken): shown until it starts or the owner turns it off. */
  private serveError: AppError | null = null;
  /** Starting and stopping the listener, one after another. */
  private servingChange: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: SyncServiceDeps) {}

  devices(): DeviceSummary[] {
    const db = this.deps.db();
    const device = readDevice(this.deps.bookFile);
    if (device === null) return [];
    const heard = peersLastHeard(db);
    const lastSynced = stringState(db, lastSyncedKey);
    return listDevices(db, device.deviceId).map((entry) => ({
      ...entry,
      lastSyncedAt: entry.thisDevice ? lastSynced : (heard.get(entry.id) ?? null),
    }));
  }

  status(): SyncStatus {
    const db = this.deps.db();
    const device = readDevice(this.deps.bookFile);
    const folder = stringState(db, folderKey) ?? '';
    const quietSince = this.deps.now().getTime() - quietDeviceDays * dayMs;
    const quietDevices = this.devices()
      .filter((entry) => !entry.thisDevice && entry.removedAt === null && Date.parse(entry.lastSyncedAt ?? entry.joinedAt) < quietSince)
      .map(({ id, name, lastSyncedAt }) => ({ id, name, lastSyncedAt }));
    return {
      shared: device !== null,
      awaitingBook: device?.awaitingBook ?? false,
      folder,
      folderReachable: folder !== '' && isFolder(folder),
      peer: device?.peer ?? null,
      serving: this.serving === null ? null : { address: this.serving.address },
      serveWanted: device !== null && readStateValue(db, serveKey) === true,
      serveError: this.serveError,
      syncing: this.running,
      lastSyncedAt: device === null ? null : stringState(db, lastSyncedKey),
      lastError: device === null ? null : storedError(db),
      waitingChanges: device === null ? 0 : outboxCount(db),
      quietDevices,
    };
  }

  setFolder(folder: string): SyncStatus {
    const db = this.deps.db();
    writeStateValue(db, folderKey, folder === '' ? '' : path.resolve(folder));
    writeStateValue(db, lastErrorKey, null);
    return this.status();
  }

  rename(id: string, name: string): Result<DeviceSummary[]> {
    if (!this.devices().some((entry) => entry.id === id)) return err('NOT_FOUND', { entity: 'device', id });
    renameDevice(this.deps.db(), id, name);
    return ok(this.devices());
  }

  /**
   * Removing a device: its link to this device is revoked at once (the shop's network refuses it)
   * and it is marked removed in the book's registry, which every device learns at its next sync
   * (network/removal.ts); the book's key for the shared folder is replaced for the devices that
   * remain. It does not take back what that device already holds.
   */
  remove(id: string): Result<DeviceSummary[]> {
    const entry = this.devices().find((candidate) => candidate.id === id);
    if (entry === undefined) return err('NOT_FOUND', { entity: 'device', id });
    if (entry.thisDevice) return err('INVALID_STATE', { reason: 'remove_this_device' });
    if (entry.removedAt !== null) return err('INVALID_STATE', { reason: 'device_already_removed' });
    removeDevice(this.deps.db(), this.deps.bookFile, id, this.deps.now());
    return ok(this.devices());
  }

  /**
   * One sync now: a device that joined first fetches its book (the live book replaced and reopened),
   * then the exchange runs as a job in the worker. Its outcome is kept for the status; open screens
   * refresh once when it ends. One asked for while another runs follows it. `background`: started
   * by the app, given up when anything else runs.
   */
  async syncNow(background = false): Promise<Result<SyncStatus>> {
    const refused = this.refusal();
    if (refused !== null) return refused;
    if (background && this.running) return err('INVALID_STATE', { reason: 'job_running' });
    const run = this.queue.then(() => this.syncOnce(background));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private refusal(): Result<never> | null {
    const device = readDevice(this.deps.bookFile);
    if (device === null) return err('INVALID_STATE', { reason: 'not_shared' });
    if ((stringState(this.deps.db(), folderKey) ?? '') === '' && device.peer === undefined) return err('INVALID_STATE', { reason: 'no_sync_folder' });
    return null;
  }

  private async syncOnce(background: boolean): Promise<Result<SyncStatus>> {
    const refused = this.refusal();
    if (refused !== null) return refused;
    this.running = true;
    try {
      const outcome = await this.exchange(background);
      // A background sync refused because another job ran is tried again later; it is not the sync's failure.
      if (!outcome.ok && background && outcome.error.code === 'INVALID_STATE' && outcome.error.details.reason === 'job_running') return outcome;
      const db = this.deps.db();
      if (outcome.ok) writeStateValue(db, lastSyncedKey, this.deps.now().toISOString());
      // Over the network the serving device is heard from by the sync itself (a folder notes each device as it reads its bundles).
      const served = readDevice(this.deps.bookFile)?.link?.peer;
      if (outcome.ok && outcome.value.overNetwork && served !== undefined) setPeerHeard(db, served, this.deps.now().toISOString());
      writeStateValue(db, lastErrorKey, outcome.ok ? null : outcome.error);
      return outcome.ok ? ok(this.status()) : outcome;
    } finally {
      this.running = false;
      this.deps.events.emit('data-changed', { handler: 'sync-run' });
    }
  }

  /**
   * A device that joined with the serving device's address syncs with it over the shop's network;
   * when that device is not there (the laptop away from the shop) and a folder is set, through the
   * folder. A device without that address (the one that serves) syncs through its folder.
   */
  private async exchange(background: boolean): Promise<Result<{ overNetwork: boolean }>> {
    const folder = stringState(this.deps.db(), folderKey) ?? '';
    const peer = readDevice(this.deps.bookFile)?.peer;
    if (peer !== undefined) {
      const overNetwork = await this.exchangeWith({ peer }, background);
      if (overNetwork.ok) return ok({ overNetwork: true });
      const tryFolder = overNetwork.error.code === 'INVALID_STATE' && notThere.has(overNetwork.error.details.reason) && folder !== '' && isFolder(folder);
      if (!tryFolder) return overNetwork;
    }
    if (!isFolder(folder)) return err('INVALID_STATE', { reason: 'folder_missing' });
    const throughFolder = await this.exchangeWith({ folder }, background);
    return throughFolder.ok ? ok({ overNetwork: false }) : throughFolder;
  }

  private async exchangeWith(source: { folder: string } | { peer: string }, background: boolean): Promise<Result<unknown>> {
    if (readDevice(this.deps.bookFile)?.awaitingBook) {
      const fetched = await this.fetchBook(source);
      if (!fetched.ok) return fetched;
    }
    return this.deps.jobs.run('sync', { bookFile: this.deps.bookFile, ...source, now: this.deps.now().toISOString() }, { cancellable: false, background });
  }

  /** The joined device's book from the folder or the serving device, put in place as a restore puts a backup: nothing else runs meanwhile. */
  private async fetchBook(source: { folder: string } | { peer: string }): Promise<Result<unknown>> {
    const reservation = await this.deps.jobs.reserve();
    if (reservation === null) return err('INVALID_STATE', { reason: 'job_running' });
    const ownFolder = stringState(this.deps.db(), folderKey) ?? '';
    try {
      const common = { bookFile: this.deps.bookFile, projectRoot: this.deps.projectRoot ?? process.cwd(), replaceBook: this.deps.replaceBook };
      const fetched = 'peer' in source ? await fetchBookFromPeer({ ...common, peer: source.peer }) : await fetchJoinedBook({ ...common, folder: source.folder });
      // The fetched book carries the inviting device's own state: this device's folder is set
      // again, it does not serve the book until its owner says so, and its sync history starts here.
      if (fetched.ok) {
        this.setFolder(ownFolder);
        writeStateValue(this.deps.db(), serveKey, false);
        writeStateValue(this.deps.db(), servePortKey, null);
      }
      writeStateValue(this.deps.db(), lastSyncedKey, null);
      return fetched;
    } finally {
      reservation.release();
    }
  }

  /**
   * Shares the book on the shop's network from this device while the app runs (and again each time
   * it starts), or stops. The first time, the default port or, when another program has it, one of
   * the next few; the port found is kept, since the other devices have the address.
   */
  async setServing(on: boolean): Promise<Result<SyncStatus>> {
    const device = readDevice(this.deps.bookFile);
    if (device === null) return err('INVALID_STATE', { reason: 'not_shared' });
    if (on && device.awaitingBook) return err('INVALID_STATE', { reason: 'book_not_fetched' });
    writeStateValue(this.deps.db(), serveKey, on);
    const changed = await this.changeServing(on);
    if (!changed.ok) writeStateValue(this.deps.db(), serveKey, false);
    return changed.ok ? ok(this.status()) : changed;
  }

  private changeServing(on: boolean): Promise<Result<null>> {
    const change = this.servingChange.then(async () => {
      await this.closeServing();
      this.serveError = null;
      return on ? this.listen() : ok(null);
    });
    this.servingChange = change.catch(() => undefined);
    return change;
  }

  private async closeServing(): Promise<void> {
    const serving = this.serving;
    this.serving = null;
    await serving?.close();
  }

  private async listen(): Promise<Result<null>> {
    const remembered = readStateValue(this.deps.db(), servePortKey);
    const { host, port } = this.deps.shopNetwork;
    const ports = typeof remembered === 'number' ? [remembered] : Array.from({ length: fallbackPorts + 1 }, (_, index) => port + index);
    let failure = unableToServe('cannot_listen');
    for (const candidate of ports) {
      const started = await this.startListener(host, candidate);
      if (started.ok) {
        this.serving = started.value;
        writeStateValue(this.deps.db(), servePortKey, started.value.port);
        return ok(null);
      }
      const taken = started.error.code === 'INVALID_STATE' && started.error.details.reason === 'port_in_use';
      failure = taken ? unableToServe('serve_port_taken') : started.error;
      if (!taken) break;
    }
    this.serveError = failure;
    return { ok: false, error: failure };
  }

  private startListener(host: string, port: number): Promise<Result<Serving>> {
    const input: ServingInput = {
      bookFile: this.deps.bookFile,
      projectRoot: this.deps.projectRoot ?? process.cwd(),
      host,
      port,
      now: this.deps.now,
      participants: this.deps.participants,
      turn: () => this.takeTurn(),
      onSession: (report) => this.served(report),
      onStopped: () => {
        this.serving = null;
        this.serveError = unableToServe('cannot_listen');
        this.deps.events.emit('data-changed', { handler: 'sync-serve' });
      },
    };
    const workerFile = this.deps.serveWorkerFile;
    return workerFile === undefined ? serveInline(input) : serveInThread(input, workerFile, nativeBindingForThisProcess(input.projectRoot));
  }

  /** A session served waits for this device's own sync to end, and shows as syncing while it runs. */
  takeTurn(): Promise<() => void> {
    return this.inQueue(true);
  }

  /**
   * A restore puts another book in place of the one every session reads and writes: a device's
   * changes written into the book being replaced would go with it. So none may be under way —
   * refused while one runs, rather than the owner waiting an unknown time — and none starts until
   * the restore is done: sessions served meanwhile wait for their turn, and this device's own
   * syncs follow. Answers the release.
   */
  async holdForRestore(): Promise<Result<() => void>> {
    if (this.running) return err('INVALID_STATE', { reason: 'sync_running' });
    return ok(await this.inQueue(false));
  }

  /** A place in the queue of syncs and sessions: granted when everything before it has ended; `syncing` shows it as a sync. */
  private inQueue(syncing: boolean): Promise<() => void> {
    return new Promise((granted) => {
      const held = this.queue.then(
        () =>
          new Promise<void>((release) => {
            if (syncing) this.running = true;
            granted(() => {
              if (syncing) this.running = false;
              release();
            });
          }),
      );
      this.queue = held.catch(() => undefined);
    });
  }

  /** A device synced with this one: this device's last sync is now, and open screens show what arrived. */
  private served(report: SessionReport): void {
    if (!this.deps.db().open) return;
    if (report.outcome === 'synced') {
      const at = this.deps.now().toISOString();
      writeStateValue(this.deps.db(), lastSyncedKey, at);
      if (report.device !== null) setPeerHeard(this.deps.db(), report.device, at);
    }
    this.deps.events.emit('data-changed', { handler: 'sync-served' });
  }

  /** After a restore the listener starts again on the book now in place (its own connection held the one replaced). */
  bookReplaced(): void {
    if (this.serving === null) return;
    void this.changeServing(true);
  }

  /** Serves the book again if the owner left it shared on the network; syncs soon after start and every few minutes while the folder or the serving device is set. */
  start(): void {
    const device = readDevice(this.deps.bookFile);
    if (device !== null && !device.awaitingBook && readStateValue(this.deps.db(), serveKey) === true) void this.changeServing(true);
    const first = setTimeout(() => this.tick(), firstSyncDelayMs);
    const every = setInterval(() => this.tick(), syncEveryMs);
    first.unref();
    every.unref();
    this.timers = [first, every];
  }

  /** Stops the timers and serving; answers when the listener has closed. */
  stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    return this.servingChange.then(() => this.closeServing());
  }

  private tick(): void {
    const status = this.status();
    if (!status.shared || status.syncing || (!status.folderReachable && status.peer === null) || this.deps.jobs.busy) return;
    void this.syncNow(true).catch((caught: unknown) => {
      if (this.deps.db().open) console.error('[regulars] the automatic sync failed:', caught);
    });
  }
}
