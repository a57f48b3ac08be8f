import { statSync } from 'node:fs';
import path from 'node:path';
import { quietDeviceDays, type DeviceSummary, type SyncStatus } from '../../../shared/contract/devices';
import type { AppError } from '../../../shared/errors';
import { err, ok, type Result } from '../../../shared/result';
import type { Db } from '../db/connection';
import type { EventBus } from '../events';
import type { JobStarter } from '../jobs';
import { readStateValue, writeStateValue } from '../settings';
import { readDevice } from './device';
import { outboxCount, peersLastHeard } from './queries';
import { listDevices, renameDevice } from './registry';
import { removeDevice } from './network/removal';
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
}

/** Each device's own (settings `state.*` never travel): where it reaches the shared folder, and how its last sync went. */
const folderKey = 'syncFolder';
const lastSyncedKey = 'syncLastSyncedAt';
const lastErrorKey = 'syncLastError';

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

const isFolder = (folder: string): boolean => {
  try {
    return statSync(folder).isDirectory();
  } catch {
    return false;
  }
};

/**
 * The app's side of sharing a book through a folder: this device's folder, syncs as jobs in the
 * worker (asked for, on start and every few minutes), a joined device fetching its book (the live
 * book closed, replaced and reopened as a restore does), the devices with when each was last heard
 * from, and the status the shell shows.
 */
export class SyncService {
  private running = false;
  /** Syncs asked for run one after another, never two at once. */
  private queue: Promise<unknown> = Promise.resolve();
  private timers: NodeJS.Timeout[] = [];

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
    if (readDevice(this.deps.bookFile) === null) return err('INVALID_STATE', { reason: 'not_shared' });
    if ((stringState(this.deps.db(), folderKey) ?? '') === '') return err('INVALID_STATE', { reason: 'no_sync_folder' });
    return null;
  }

  private async syncOnce(background: boolean): Promise<Result<SyncStatus>> {
    const refused = this.refusal();
    if (refused !== null) return refused;
    const device = readDevice(this.deps.bookFile);
    const folder = stringState(this.deps.db(), folderKey) ?? '';
    this.running = true;
    try {
      const outcome = await this.exchange(folder, device?.awaitingBook ?? false, background);
      // A background sync refused because another job ran is tried again later; it is not the sync's failure.
      if (!outcome.ok && background && outcome.error.code === 'INVALID_STATE' && outcome.error.details.reason === 'job_running') return outcome;
      const db = this.deps.db();
      if (outcome.ok) writeStateValue(db, lastSyncedKey, this.deps.now().toISOString());
      writeStateValue(db, lastErrorKey, outcome.ok ? null : outcome.error);
      return outcome.ok ? ok(this.status()) : outcome;
    } finally {
      this.running = false;
      this.deps.events.emit('data-changed', { handler: 'sync-run' });
    }
  }

  private async exchange(folder: string, awaitingBook: boolean, background: boolean): Promise<Result<unknown>> {
    if (!isFolder(folder)) return err('INVALID_STATE', { reason: 'folder_missing' });
    if (awaitingBook) {
      const fetched = await this.fetchBook(folder);
      if (!fetched.ok) return fetched;
    }
    return this.deps.jobs.run('sync', { bookFile: this.deps.bookFile, folder, now: this.deps.now().toISOString() }, { cancellable: false, background });
  }

  /** The joined device's book from the folder, put in place as a restore puts a backup: nothing else runs meanwhile. */
  private async fetchBook(folder: string): Promise<Result<unknown>> {
    const reservation = await this.deps.jobs.reserve();
    if (reservation === null) return err('INVALID_STATE', { reason: 'job_running' });
    try {
      const fetched = await fetchJoinedBook({ bookFile: this.deps.bookFile, folder, projectRoot: this.deps.projectRoot ?? process.cwd(), replaceBook: this.deps.replaceBook });
      // The fetched book carries the inviting device's own state: this device's folder is set again and its sync history starts here.
      if (fetched.ok) this.setFolder(folder);
      writeStateValue(this.deps.db(), lastSyncedKey, null);
      return fetched;
    } finally {
      reservation.release();
    }
  }

  /** Syncs soon after start and every few minutes while the folder is set and reachable. */
  start(): void {
    const first = setTimeout(() => this.tick(), firstSyncDelayMs);
    const every = setInterval(() => this.tick(), syncEveryMs);
    first.unref();
    every.unref();
    this.timers = [first, every];
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }

  private tick(): void {
    const status = this.status();
    if (!status.shared || status.syncing || !status.folderReachable || this.deps.jobs.busy) return;
    void this.syncNow(true).catch((caught: unknown) => {
      if (this.deps.db().open) console.error('[regulars] the automatic sync failed:', caught);
    });
  }
}
