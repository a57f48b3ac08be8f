import { DateTime } from 'luxon';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BackupRun, BackupSettings, BackupStarter, BackupStatus, RestoreRecord } from '../../../shared/contract/backup';
import type { AppError } from '../../../shared/errors';
import { parseStoredJson } from '../../../shared/json';
import { err, ok, type Result } from '../../../shared/result';
import { recordAudit } from '../audit';
import type { Session } from '../context';
import type { Db } from '../db/connection';
import { newId } from '../db/ids';
import { inTransaction } from '../db/transaction';
import type { EventBus } from '../events';
import { fileNameSafe, type Keychain, refusalForFsError } from '../files';
import type { JobStarter, Reservation } from '../jobs';
import { currentSettings, readStateValue, writeStateValue } from '../settings';
import { appVersion } from '../version';
import {
  automaticBackupsSince,
  countCustomersForBanner,
  failedBackupsAfter,
  insertBackupRun,
  lastAutomaticAttempt,
  lastGoodBackup,
  lastRestore,
  restoreUndoneFrom,
  readBackupSettings,
  recentBackupRuns,
  writeBackupSettings,
  type DbBackupRun,
  type DbRestore,
} from './queries';
import { automaticMarker, rotateBackups } from './rotation';

/** How old the last good backup may be before the owner is warned: a daily schedule, with a day's grace. */
export const allowedBackupAgeHours = 48;
/** A failed automatic backup is tried again after this long, not on every tick. */
const retryAfterFailureMs = 2 * 3_600_000;
const firstCheckDelayMs = 60_000;
const checkEveryMs = 30 * 60_000;

export interface BackupServiceDeps {
  /** The live book; a restore replaces it, so it is read through this each time. */
  db: () => Db;
  now: () => Date;
  events: EventBus;
  jobs: JobStarter;
  session: Session;
  dataDir: string;
  bookFile: string;
  stagingDir: string;
  keychain: Keychain | null;
}


export const toBackupRun = (row: DbBackupRun): BackupRun => ({
  id: row.id,
  startedBy: row.started_by as BackupStarter,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  ok: row.ok === 1,
  file: row.file,
  sizeBytes: row.size_bytes,
  encrypted: row.encrypted === 1,
  failure: (parseStoredJson(row.failure_json) as AppError | null | undefined) ?? null,
  counts: (parseStoredJson(row.counts_json) as Record<string, number> | null | undefined) ?? {},
});

/**
 * What a swap was: a restore from a backup, or the undo of the swap before it — which undoes a
 * restore, or an undo (putting that restore back). Followed back through the swaps each undid.
 */
const swapKind = (db: Db, row: DbRestore, depth = 0): Pick<RestoreRecord, 'kind' | 'of'> => {
  const undid = depth < 100 ? restoreUndoneFrom(db, row.source_file) : null;
  if (undid === null) return { kind: 'restore', of: null };
  const before = swapKind(db, undid, depth + 1);
  return before.kind === 'undo' ? { kind: 'redo', of: before.of } : { kind: 'undo', of: before.of ?? undid.restored_at };
};

export const restoreRecordOf = (db: Db, row: DbRestore | null): RestoreRecord | null =>
  row === null
    ? null
    : {
        id: row.id,
        restoredAt: row.restored_at,
        sourceFile: row.source_file,
        sourceCreatedAt: row.source_created_at,
        undoFile: row.undo_file,
        undoneAt: row.undone_at,
        ...swapKind(db, row),
      };

/**
 * Backups of the live book: on demand, automatically once a day while the app runs and when it
 * quits after changes, with rotation; every attempt is recorded, and failures stay visible until
 * a backup succeeds.
 */
export class BackupService {
  /** The passphrase for automatic backups when there is no keychain: kept until the app quits, never written down. */
  private sessionPassphrase: string | null = null;
  private changesSinceBackup = 0;
  private timers: NodeJS.Timeout[] = [];

  constructor(private readonly deps: BackupServiceDeps) {}

  noteChange(): void {
    this.changesSinceBackup += 1;
  }

  settings(): BackupSettings {
    const row = readBackupSettings(this.deps.db());
    return {
      folder: row.folder,
      automatic: row.automatic === 1,
      keepDaily: row.keep_daily,
      keepWeekly: row.keep_weekly,
      encrypt: row.encrypt === 1,
      passphraseKept: this.sealedPassphrase() !== null ? 'keychain' : this.sessionPassphrase !== null ? 'this_session' : 'none',
      keychainAvailable: this.deps.keychain !== null,
    };
  }

  private sealedPassphrase(): string | null {
    const sealed = readBackupSettings(this.deps.db()).sealed_passphrase;
    return sealed === null || this.deps.keychain === null ? null : this.deps.keychain.unseal(sealed);
  }

  private rememberedPassphrase(): string | null {
    return this.sealedPassphrase() ?? this.sessionPassphrase;
  }

  updateSettings(changes: Partial<Omit<BackupSettings, 'passphraseKept' | 'keychainAvailable'>> & { passphrase?: string | null }): Result<BackupSettings> {
    const db = this.deps.db();
    return inTransaction(db, () => {
      const before = readBackupSettings(db);
      const next = {
        ...before,
        ...(changes.folder === undefined ? {} : { folder: changes.folder === '' ? '' : path.resolve(changes.folder) }),
        ...(changes.automatic === undefined ? {} : { automatic: changes.automatic ? 1 : 0 }),
        ...(changes.keepDaily === undefined ? {} : { keep_daily: changes.keepDaily }),
        ...(changes.keepWeekly === undefined ? {} : { keep_weekly: changes.keepWeekly }),
        ...(changes.encrypt === undefined ? {} : { encrypt: changes.encrypt ? 1 : 0 }),
      };
      if (changes.passphrase !== undefined) {
        this.sessionPassphrase = null;
        next.sealed_passphrase = null;
        if (changes.passphrase !== null) {
          if (this.deps.keychain) next.sealed_passphrase = this.deps.keychain.seal(changes.passphrase);
          else this.sessionPassphrase = changes.passphrase;
        }
      }
      writeBackupSettings(db, next);
      const { sealed_passphrase: _before, ...shownBefore } = before;
      const { sealed_passphrase: _after, ...shownAfter } = next;
      recordAudit(this.auditContext(db), {
        action: 'backup.settings',
        entity: 'backup',
        entityId: null,
        before: shownBefore,
        after: { ...shownAfter, passphraseChanged: changes.passphrase !== undefined },
      });
      return ok(this.settings());
    });
  }

  status(defaultExportFolder: string): BackupStatus {
    const db = this.deps.db();
    const good = lastGoodBackup(db);
    const failures = failedBackupsAfter(db, good?.finished_at ?? '').map(toBackupRun);
    const ageHours = good === null ? Infinity : (this.deps.now().getTime() - Date.parse(good.finished_at)) / 3_600_000;
    return {
      settings: this.settings(),
      lastGood: good === null ? null : toBackupRun(good),
      failuresSinceGood: failures,
      overdue: countCustomersForBanner(db) > 0 && ageHours > allowedBackupAgeHours,
      allowedAgeHours: allowedBackupAgeHours,
      recent: recentBackupRuns(db, 10).map(toBackupRun),
      lastRestore: restoreRecordOf(db, lastRestore(db)),
      defaultExportFolder,
    };
  }

  private auditContext(db: Db) {
    return { db, session: this.deps.session, now: this.deps.now };
  }

  private bookId(db: Db): string {
    const existing = readStateValue(db, 'bookId');
    if (typeof existing === 'string' && existing !== '') return existing;
    const id = newId();
    writeStateValue(db, 'bookId', id);
    return id;
  }

  /** "<shop>-2024-05-01_1830" (local time), "<shop>-auto-…" for automatic ones. */
  private fileBase(db: Db, automatic: boolean): string {
    const settings = currentSettings({ db });
    const stamp = DateTime.fromJSDate(this.deps.now()).setZone(settings.timeZone).toFormat('yyyy-MM-dd_HHmmss');
    const shop = fileNameSafe(settings.shopName) || 'regulars';
    return `${shop}${automatic ? automaticMarker : '-'}${stamp}`;
  }

  /**
   * Backs the book up into `folder` (default: the backup folder) and records the attempt. The
   * answer comes only after the copy was checked and the file read back.
   */
  async backUp(
    startedBy: BackupStarter,
    options: { folder?: string | null; passphrase?: string | null; reservation?: Reservation } = {},
  ): Promise<Result<BackupRun>> {
    const db = this.deps.db();
    const settings = readBackupSettings(db);
    const folder = options.folder ?? settings.folder;
    if (folder === '') return err('INVALID_STATE', { reason: 'no_backup_folder' });
    const automatic = startedBy === 'automatic' || startedBy === 'quit';
    let passphrase = options.passphrase ?? null;
    if (passphrase === null && settings.encrypt === 1 && startedBy !== 'before_restore') {
      passphrase = this.rememberedPassphrase();
      if (passphrase === null) return this.record(startedBy, this.deps.now().toISOString(), err('INVALID_STATE', { reason: 'passphrase_not_remembered' }));
    }
    const startedAt = this.deps.now().toISOString();
    const bookId = inTransaction(db, () => ok(this.bookId(db)));
    if (!bookId.ok) return bookId;
    const changesBefore = this.changesSinceBackup;
    this.changesSinceBackup = 0;
    const outcome = await this.deps.jobs.run(
      'backup',
      {
        bookFile: this.deps.bookFile,
        stagingDir: this.deps.stagingDir,
        folder: path.resolve(folder),
        fileBase: this.fileBase(db, automatic),
        passphrase,
        automatic,
        appVersion,
        createdAt: startedAt,
        bookId: bookId.value,
      },
      { cancellable: false, ...(options.reservation ? { reservation: options.reservation } : {}) },
    );
    if (!outcome.ok) {
      this.changesSinceBackup += changesBefore;
      if (outcome.error.code === 'INVALID_STATE' && outcome.error.details.reason === 'job_running') return outcome;
    }
    const run = this.record(startedBy, startedAt, outcome);
    if (outcome.ok && automatic) await this.rotate(path.resolve(folder), bookId.value);
    if (automatic) this.deps.events.emit('data-changed', { handler: 'backup-automatic' });
    return run;
  }

  private record(startedBy: BackupStarter, startedAt: string, outcome: Result<{ file: string; sizeBytes: number; counts: Record<string, number>; encrypted: boolean }>): Result<BackupRun> {
    const db = this.deps.db();
    const row: DbBackupRun = {
      id: newId(),
      started_by: startedBy,
      started_at: startedAt,
      finished_at: this.deps.now().toISOString(),
      ok: outcome.ok ? 1 : 0,
      file: outcome.ok ? outcome.value.file : '',
      size_bytes: outcome.ok ? outcome.value.sizeBytes : 0,
      encrypted: outcome.ok && outcome.value.encrypted ? 1 : 0,
      failure_json: outcome.ok ? null : JSON.stringify(outcome.error),
      counts_json: JSON.stringify(outcome.ok ? outcome.value.counts : {}),
    };
    const saved = inTransaction(db, () => {
      insertBackupRun(db, row);
      if (outcome.ok && (startedBy === 'manual' || startedBy === 'command_line')) {
        recordAudit(this.auditContext(db), {
          action: 'backup.create',
          entity: 'backup',
          entityId: row.id,
          after: { file: row.file, sizeBytes: row.size_bytes, encrypted: row.encrypted === 1 },
        });
      }
      return ok(null);
    });
    if (!saved.ok) return saved;
    // A failure changes the book (its record) without a successful handler to announce it: the banner must appear now.
    if (!outcome.ok) this.deps.events.emit('data-changed', { handler: 'backup-failed' });
    return outcome.ok ? ok(toBackupRun(row)) : outcome;
  }

  /** After a good automatic backup: old automatic backups go; a failure to delete is recorded like any failure. */
  private async rotate(folder: string, bookId: string): Promise<void> {
    const settings = readBackupSettings(this.deps.db());
    try {
      await rotateBackups(folder, bookId, { keepDaily: settings.keep_daily, keepWeekly: settings.keep_weekly }, currentSettings({ db: this.deps.db() }).timeZone);
    } catch (caught) {
      const refusal = refusalForFsError(caught, folder, true, true);
      this.record('automatic', this.deps.now().toISOString(), refusal ?? err('STORAGE_FAILED'));
    }
  }

  /** The plain, checked copy of the book taken just before a restore: what "undo" puts back. */
  async safetyBackup(reservation: Reservation): Promise<Result<BackupRun>> {
    const folder = path.join(this.deps.dataDir, 'restore-undo');
    await mkdir(folder, { recursive: true });
    return this.backUp('before_restore', { folder, passphrase: null, reservation });
  }

  /** One automatic backup a day while the app runs: due when none succeeded today (shop's local day). */
  async runIfDue(): Promise<Result<BackupRun> | null> {
    const db = this.deps.db();
    const settings = readBackupSettings(db);
    if (settings.automatic !== 1 || settings.folder === '' || this.deps.jobs.busy) return null;
    const zone = currentSettings({ db }).timeZone;
    const startOfToday = DateTime.fromJSDate(this.deps.now()).setZone(zone).startOf('day').toUTC().toISO() ?? '';
    if (automaticBackupsSince(db, startOfToday) > 0) return null;
    const last = lastAutomaticAttempt(db);
    if (last !== null && last.ok === 0 && this.deps.now().getTime() - Date.parse(last.finished_at) < retryAfterFailureMs) return null;
    return this.backUp('automatic');
  }

  /** When the app quits after changes: the day ends with a backup that has them (rotation keeps one per day). */
  async backUpBeforeQuit(): Promise<void> {
    const settings = readBackupSettings(this.deps.db());
    if (settings.automatic !== 1 || settings.folder === '' || this.changesSinceBackup === 0 || this.deps.jobs.busy) return;
    await this.backUp('quit');
  }

  startSchedule(): void {
    const tick = () => void this.runIfDue().catch((caught: unknown) => console.error('[regulars] automatic backup failed:', caught));
    const first = setTimeout(tick, firstCheckDelayMs);
    const every = setInterval(tick, checkEveryMs);
    first.unref();
    every.unref();
    this.timers = [first, every];
  }

  stopSchedule(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }
}
