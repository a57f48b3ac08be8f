import type { BackupContents, BackupRun, BackupSettings, BackupStarter, BackupStatus, PreparedRestore, RestoreRecord } from '../../shared/contract/backup';
import type { Role } from '../../shared/contract/define';
import type { DeviceSummary, SyncStatus } from '../../shared/contract/devices';
import type { FileSource, NativePickPurpose } from '../../shared/contract/files';
import type { JobKind, JobProgress } from '../../shared/contract/jobs';
import type { AppInfo } from '../../shared/contract/session';
import type { Result } from '../../shared/result';
import type { Db } from './db/connection';
import type { EventBus } from './events';

/*
 * What handlers see of the world. This module depends on shared types, the database and the event
 * bus only: the services are described here by what handlers call, and the features' classes
 * (jobs/runner.ts, backup/service.ts, backup/restore.ts, files/uploads.ts) fit these shapes, so
 * no feature's code is part of the context's type and no import cycle runs through it.
 */

/** Who is at the app right now: one desktop app has one session at a time. */
export interface Session {
  role: Role;
  staffId: string | null;
  /**
   * Set while the owner is unlocked with the PIN: when the app was last used, for the idle lock.
   * Null otherwise; an owner session without it (no PIN yet, or the CLI) never locks by itself.
   */
  ownerUnlock: { lastActivityMs: number } | null;
}

/** Everything a handler may use; handlers never reach for globals. */
export interface HandlerContext {
  db: Db;
  session: Session;
  /** The clock, injectable so tests can stand just before or after local midnight. */
  now: () => Date;
  events: EventBus;
  info: AppInfo;
  data: DataServices;
}

/** Long jobs, backups, restores, files: what the data-safety handlers work with. */
export interface DataServices {
  jobs: Jobs;
  backups: Backups;
  restores: Restores;
  uploads: Uploads;
  sync: SyncServices;
  /** The desktop app's file dialogs; null in browser mode and the CLI. */
  dialogs: NativeDialogs | null;
  dataDir: string;
  bookFile: string;
  stagingDir: string;
}

/**
 * Each job kind's function, filled in by jobs/table.ts through declaration merging (`table`), so
 * the context types a job's input and output without importing any job.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by jobs/table.ts
export interface JobRegistry {}
type JobTable = JobRegistry extends { table: infer T extends Record<JobKind, (input: never, ...rest: never[]) => Promise<Result<unknown>>> } ? T : never;
export type JobInput<K extends JobKind> = Parameters<JobTable[K]>[0];
export type JobOutput<K extends JobKind> = Awaited<ReturnType<JobTable[K]>> extends Result<infer O> ? O : never;

/** Long jobs (jobs/runner.ts): one at a time, inline or in the worker. */
export interface Jobs {
  /** True while a job that writes the book runs: other writes wait for it. */
  readonly writing: boolean;
  list(): JobProgress[];
  cancel(jobId: string): boolean;
  run<K extends JobKind>(kind: K, input: JobInput<K>, options: { cancellable: boolean; writes?: boolean; background?: boolean; anotherFollows?: boolean }): Promise<Result<JobOutput<K>>>;
}

/** Backups (backup/service.ts). */
export interface Backups {
  settings(): BackupSettings;
  updateSettings(changes: Partial<Omit<BackupSettings, 'passphraseKept' | 'keychainAvailable'>> & { passphrase?: string | null }): Result<BackupSettings>;
  status(defaultExportFolder: string): BackupStatus;
  backUp(startedBy: BackupStarter, options?: { folder?: string | null; passphrase?: string | null }): Promise<Result<BackupRun>>;
}

/** Restores (backup/restore.ts): read a backup, prepare it, confirm, and undo the last one. */
export interface Restores {
  read(source: FileSource): Promise<Result<BackupContents>>;
  prepare(source: FileSource, passphrase: string | null): Promise<Result<PreparedRestore>>;
  confirm(preparedId: string): Promise<Result<RestoreRecord>>;
  undo(): Promise<Result<RestoreRecord>>;
}

/** Sharing the book with other devices through a folder and on the shop's network (sync/service.ts). */
export interface SyncServices {
  devices(): DeviceSummary[];
  status(): SyncStatus;
  setFolder(folder: string): SyncStatus;
  rename(id: string, name: string): Result<DeviceSummary[]>;
  remove(id: string): Result<DeviceSummary[]>;
  syncNow(): Promise<Result<SyncStatus>>;
  setServing(on: boolean): Promise<Result<SyncStatus>>;
}

/** Files the browser sends up in pieces (files/uploads.ts), and any file source resolved to a path. */
export interface Uploads {
  begin(name: string, sizeBytes: number): Result<{ uploadId: string; chunkBytes: number }>;
  chunk(uploadId: string, offset: number, base64: string): Promise<Result<{ receivedBytes: number }>>;
  resolve(source: FileSource): Promise<Result<{ file: string; displayName: string }>>;
}

/** The desktop app's own file and folder dialogs, given to the core by electron/main. */
export interface NativeDialogs {
  pick(purpose: NativePickPurpose): Promise<string | null>;
}
