import { importUndoHandlers } from './transfer/import/undo';
import { importedHistoryTimelineSource } from './history/timeline';
import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { keepAside } from './db/keep-aside';
import { contract, isHandlerName, type HandlerName, type InputOf, type OutputOf } from '../../shared/contract';
import type { AppInfo } from '../../shared/contract/session';
import { err, ok, type Result } from '../../shared/result';
import { archiveHandlers } from './archive/handlers';
import { auditHandlers } from './audit/handlers';
import { authHandlers } from './auth/handlers';
import { createIdleLock } from './auth/idle-lock';
import { startingRole, type Authority } from './auth/session';
import { backupHandlers } from './backup/handlers';
import { RestoreService } from './backup/restore';
import { BackupService } from './backup/service';
import { BookOpenError, openBook } from './book';
import { complaintsHandlers } from './complaints/handlers';
import { complaintsTimelineSource } from './complaints/timeline';
import { conflictsHandlers } from './conflicts/handlers';
import type { DataServices, HandlerContext, NativeDialogs, Session } from './context';
import type { Db } from './db/connection';
import { setCaptureWriter } from './db/replicated';
import { schemaVersionOf } from './db/migrate';
import { counterHandlers } from './counter/handlers';
import { customersHandlers } from './customers/handlers';
import { customerRecordParticipants } from './customer-record-participants';
import { EventBus } from './events';
import { filesHandlers } from './files/handlers';
import { markInUse } from './files/in-use';
import type { Keychain } from './files/native';
import { clearOldStaging, stagingDirOf } from './files/staging';
import { Uploads } from './files/uploads';
import { jobsHandlers } from './jobs/handlers';
import { JobRunner } from './jobs/runner';
import { loyaltyHandlers } from './loyalty/handlers';
import { mergeHandlers } from './merge/handlers';
import { referralsHandlers } from './referrals/handlers';
import { referralRewardsTimelineSource, referralsTimelineSource } from './referrals/timeline';
import { Registry, type InternalFailure } from './registry';
import { ReminderDays } from './reminders/daily';
import { remindersHandlers } from './reminders/handlers';
import { prepareDerived, prepareDerivedAside } from './derive';
import { reminderSettingsHandlers } from './reminders/settings-handlers';
import { remindersTimelineSource } from './reminders/timeline';
import { sessionHandlers } from './session/handlers';
import { initialSettings } from './settings/defaults';
import { settingsHandlers } from './settings/handlers';
import { writeInitialSettings } from './settings/current';
import { hasAnySettings, readStateValue } from './settings/queries';
import { staffHandlers } from './staff/handlers';
import { devicesHandlers } from './sync/handlers';
import { defaultShopNetwork, SyncService, type ShopNetwork } from './sync/service';
import { limitLogForQuietCheckpoints, quietCheckpoints } from './db/quiet-checkpoints';
import { getStaff } from './staff/queries';
import { timelineHandlers } from './timeline/handlers';
import { transferHandlers } from './transfer/handlers';
import { visitsHandlers } from './visits/handlers';
import { visitsTimelineSource } from './visits/timeline';
import { ValueFitSchedule } from './value/schedule';
import { appVersion } from './version';
import { winbackHandlers } from './winback/handlers';
import { customerStatusTimelineSource, winBackAttemptsTimelineSource } from './winback/timeline';

export interface CoreOptions {
  dataDir: string;
  transport: AppInfo['transport'];
  /** 'counter' for the app (staff until the owner unlocks), 'owner' for the CLI; see auth/session.ts. */
  authority: Authority;
  /** Languages the computer prefers, most preferred first; a new book takes its defaults from them. */
  systemLocales: readonly string[];
  projectRoot?: string;
  now?: () => Date;
  /** Turn the reminders over at the shop's midnight while open (the desktop app and browser mode; not the CLI). */
  dailyJobs?: boolean;
  onInternalFailure?: (failure: InternalFailure) => void;
  /** The bundled job worker (dist/worker/jobs.cjs): long jobs run there, off the UI path; inline without it (CLI, tests). */
  jobWorkerFile?: string;
  /** The desktop app's file dialogs. */
  nativeDialogs?: NativeDialogs;
  /** The system keychain, where there is one, for the automatic-backup passphrase. */
  keychain?: Keychain;
  /** The app proper (desktop or browser mode): automatic backups, and the book marked as open. */
  runsTheApp?: boolean;
  /** Where this device serves a shared book on the shop's network (default: every interface, port 47800; tests: loopback). */
  shopNetwork?: ShopNetwork;
}

export interface Core {
  /** The live book. A restore replaces it: read it through the core each time, never keep it. */
  readonly db: Db;
  readonly events: EventBus;
  readonly session: Session;
  readonly info: AppInfo;
  readonly jobs: JobRunner;
  readonly backups: BackupService;
  /** Sharing the book through a folder and on the shop's network: the status, syncs, serving, devices. */
  readonly sync: SyncService;
  /** For transports: any name, any input; answers an error value for anything it cannot take. */
  /** `origin`: the calling window or tab (see the data-changed event). */
  callUnknown(name: unknown, input: unknown, origin?: string): Promise<Result<unknown>>;
  /** Typed calls, for the CLI and tests. */
  call<N extends HandlerName>(name: N, input: InputOf<N>): Promise<Result<OutputOf<N>>>;
  /** The automatic backup when the app quits after changes; failures are recorded for the next start. */
  backUpBeforeQuit(): Promise<void>;
  close(): void;
}

const logInternalFailure = ({ reference, handler, error }: InternalFailure): void => {
  console.error(`[regulars] internal error ${reference} in ${handler}:`, error);
};

export { customerRecordParticipants };

export const createRegistry = (onInternalFailure: (failure: InternalFailure) => void): Registry => {
  const registry = new Registry(onInternalFailure);
  registry.register(customersHandlers);
  registry.register(counterHandlers);
  registry.register(visitsHandlers);
  registry.register(timelineHandlers([visitsTimelineSource, remindersTimelineSource, winBackAttemptsTimelineSource, customerStatusTimelineSource, complaintsTimelineSource, referralsTimelineSource, referralRewardsTimelineSource, importedHistoryTimelineSource]));
  registry.register(staffHandlers);
  registry.register(settingsHandlers);
  registry.register(sessionHandlers);
  registry.register(authHandlers);
  registry.register(auditHandlers);
  registry.register(mergeHandlers(customerRecordParticipants));
  registry.register(archiveHandlers(customerRecordParticipants));
  registry.register(remindersHandlers);
  registry.register(reminderSettingsHandlers);
  registry.register(winbackHandlers);
  registry.register(backupHandlers);
  registry.register(transferHandlers);
  registry.register(importUndoHandlers(customerRecordParticipants));
  registry.register(filesHandlers);
  registry.register(jobsHandlers);
  registry.register(complaintsHandlers);
  registry.register(loyaltyHandlers);
  registry.register(referralsHandlers);
  registry.register(conflictsHandlers);
  registry.register(devicesHandlers);
  registry.assertComplete();
  return registry;
};

/** Opens the book in `dataDir` and returns the one object both transports and the CLI talk to. */
export const openCore = (options: CoreOptions): Core => {
  const now = options.now ?? (() => new Date());
  const { db, file } = openBook(options.dataDir, { projectRoot: options.projectRoot, now });
  if (!hasAnySettings(db)) writeInitialSettings(db, initialSettings(options.systemLocales));
  const registry = createRegistry(options.onInternalFailure ?? logInternalFailure);
  const events = new EventBus();
  const rememberedStaff = readStateValue(db, 'counterStaffId');
  const session: Session = {
    role: startingRole(db, options.authority),
    staffId: typeof rememberedStaff === 'string' && getStaff(db, rememberedStaff)?.active ? rememberedStaff : null,
    ownerUnlock: null,
  };
  const info: AppInfo = {
    version: appVersion,
    schemaVersion: schemaVersionOf(db),
    dataDir: options.dataDir,
    bookFile: file,
    transport: options.transport,
  };
  const stagingDir = stagingDirOf(options.dataDir);
  clearOldStaging(stagingDir, now().getTime());
  const jobs = new JobRunner(events, { workerFile: options.jobWorkerFile, projectRoot: options.projectRoot });
  const uploads = new Uploads(`${stagingDir}/uploads`);
  const live = { book: db };
  const backups = new BackupService({
    db: () => live.book,
    now,
    events,
    jobs,
    session,
    dataDir: options.dataDir,
    bookFile: file,
    stagingDir,
    keychain: options.keychain ?? null,
  });

  /** Takes a book (new, or just restored) as the live one: the staff member at the counter must exist in it. */
  const adopt = (book: Db): void => {
    live.book = book;
    limitLogForQuietCheckpoints(book);
    ctx.db = book;
    info.schemaVersion = schemaVersionOf(book);
    if (!hasAnySettings(book)) writeInitialSettings(book, initialSettings(options.systemLocales));
    const rememberedStaff = readStateValue(book, 'counterStaffId');
    session.staffId = typeof rememberedStaff === 'string' && getStaff(book, rememberedStaff)?.active ? rememberedStaff : null;
    // A restored book without an owner PIN asks for setup; one with a PIN keeps the owner who restored it.
    if (startingRole(book, options.authority) === 'owner') session.role = 'owner';
    catchUp(book);
  };

  /** Figures behind the shop's day or its rules are caught up before they are trusted: in the worker where there is one. */
  const catchUp = (book: Db): void => {
    if (options.jobWorkerFile === undefined) return prepareDerived({ db: book, now });
    // A core closed meanwhile (the app quitting, a short test) has no screen to refresh, and its
    // worker failing to open a book that is gone is not a failure to report.
    prepareDerivedAside({ db: book, now }, jobs, file)
      .then(() => {
        if (book.open) events.emit('data-changed', { handler: 'derived-caught-up' });
      })
      .catch((caught: unknown) => {
        if (book.open) console.error('[regulars] catching up the derived figures failed:', caught);
      });
  };

  /**
   * The book file is never absent, whenever the process dies: the current book is kept aside
   * under a second name first, and the prepared one then takes the book's name in one rename,
   * which replaces the old file atomically.
   */
  const replaceBook = (preparedFile: string): Result<null> => {
    const aside = `${file}.replaced-${now().getTime()}`;
    live.book.pragma('wal_checkpoint(TRUNCATE)');
    live.book.close();
    const clearJournal = () => ['-wal', '-shm'].forEach((suffix) => rmSync(`${file}${suffix}`, { force: true }));
    try {
      keepAside(file, aside);
    } catch (caught) {
      adopt(openBook(options.dataDir, { projectRoot: options.projectRoot, now }).db);
      throw caught;
    }
    clearJournal();
    try {
      renameSync(preparedFile, file);
      adopt(openBook(options.dataDir, { projectRoot: options.projectRoot, now }).db);
      rmSync(aside, { force: true });
      return ok(null);
    } catch (caught) {
      clearJournal();
      renameSync(aside, file);
      // Where both names were still the same file, the rename leaves them be.
      rmSync(aside, { force: true });
      adopt(openBook(options.dataDir, { projectRoot: options.projectRoot, now }).db);
      if (caught instanceof BookOpenError) return { ok: false, error: caught.error };
      throw caught;
    }
  };

  const sync = new SyncService({
    db: () => live.book,
    now,
    events,
    jobs,
    bookFile: file,
    projectRoot: options.projectRoot,
    replaceBook,
    participants: customerRecordParticipants,
    shopNetwork: options.shopNetwork ?? defaultShopNetwork,
    serveWorkerFile: options.jobWorkerFile === undefined ? undefined : path.join(path.dirname(options.jobWorkerFile), 'serve.cjs'),
  });
  const replaceBookServed = (preparedFile: string): Result<null> => {
    const replaced = replaceBook(preparedFile);
    sync.bookReplaced();
    return replaced;
  };
  const data: DataServices = {
    jobs,
    backups,
    sync,
    restores: new RestoreService({ db: () => live.book, now, session, jobs, backups, uploads, stagingDir, replaceBook: replaceBookServed, holdSharing: () => sync.holdForRestore() }),
    uploads,
    dialogs: options.nativeDialogs ?? null,
    dataDir: options.dataDir,
    bookFile: file,
    stagingDir,
  };
  const ctx: HandlerContext = { db, session, now, events, info, data };
  adopt(db);

  events.on('data-changed', ({ handler }) => {
    if (!handler.startsWith('backup-') && !handler.startsWith('restore-') && handler !== 'export-run') backups.noteChange();
  });
  const releaseInUse = options.runsTheApp ? markInUse(options.dataDir) : () => undefined;
  if (options.runsTheApp) backups.startSchedule();
  if (options.runsTheApp) sync.start();

  const idleLock = createIdleLock(ctx, () => events.emit('data-changed', { handler: 'auth-lock' }));
  const reminderDays = options.dailyJobs ? new ReminderDays(ctx, undefined, { runner: jobs, bookFile: file }) : null;
  reminderDays?.start();
  const valueFits = options.dailyJobs ? new ValueFitSchedule({ db: () => live.book, bookFile: file, now, jobs, events }) : null;
  valueFits?.start();

  const checkpoints = quietCheckpoints(() => live.book);
  const call = async (name: unknown, input: unknown, origin?: string): Promise<Result<unknown>> => {
    // While a job holds the book's write lock (an import), other writes are refused at once rather than after a wait.
    const writes = isHandlerName(name) && contract[name].mutates;
    if (jobs.writing && writes) return err('BOOK_BUSY');
    idleLock.beforeCall();
    try {
      // A write goes before the next step of a job made in steps (the derived pass), not after all of them.
      if (!writes) return await registry.call(ctx, name, input, origin);
      return await jobs.counterWrite(async () => {
        // On a shared book the other devices are told who entered what; the app's own writes between calls are no one's.
        setCaptureWriter(ctx.db, session.staffId);
        try {
          return await registry.call(ctx, name, input, origin);
        } finally {
          if (ctx.db.open) setCaptureWriter(ctx.db, null);
          checkpoints.afterWrite();
        }
      });
    } finally {
      idleLock.afterCall();
    }
  };

  return {
    get db() {
      return live.book;
    },
    events,
    session,
    info,
    jobs,
    backups,
    sync,
    callUnknown: call,
    call: (name, input) => call(name, input) as never,
    backUpBeforeQuit: () => backups.backUpBeforeQuit(),
    close: () => {
      idleLock.stop();
      checkpoints.stop();
      reminderDays?.stop();
      valueFits?.stop();
      backups.stopSchedule();
      void sync.stop();
      jobs.close();
      releaseInUse();
      if (!live.book.open) return;
      live.book.pragma('wal_checkpoint(TRUNCATE)');
      live.book.close();
    },
  };
};
