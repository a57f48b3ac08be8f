import type { HandlerName, InputOf, OutputOf } from '../../shared/contract';
import type { AppInfo } from '../../shared/contract/session';
import type { Result } from '../../shared/result';
import { archiveHandlers } from './archive/handlers';
import { auditHandlers } from './audit/handlers';
import { authHandlers } from './auth/handlers';
import { createIdleLock } from './auth/idle-lock';
import { startingRole, type Authority } from './auth/session';
import { openBook } from './book';
import type { HandlerContext, Session } from './context';
import type { Db } from './db/connection';
import { schemaVersionOf } from './db/migrate';
import { customersHandlers } from './customers/handlers';
import type { CustomerRecordsParticipant } from './customers/records';
import { EventBus } from './events';
import { mergeHandlers } from './merge/handlers';
import { Registry, type InternalFailure } from './registry';
import { ReminderDays } from './reminders/daily';
import { remindersHandlers } from './reminders/handlers';
import { prepareReminders } from './reminders/hooks';
import { reminderSettingsHandlers } from './reminders/settings-handlers';
import { remindersTimelineSource } from './reminders/timeline';
import { sessionHandlers } from './session/handlers';
import { initialSettings } from './settings/defaults';
import { settingsHandlers } from './settings/handlers';
import { hasAnySettings, readStateValue, writeSettings } from './settings/queries';
import { staffHandlers } from './staff/handlers';
import { getStaff } from './staff/queries';
import { timelineHandlers } from './timeline/handlers';
import { visitsHandlers } from './visits/handlers';
import { visitsRecords } from './visits/records';
import { remindersRecords } from './reminders/records';
import { visitsTimelineSource } from './visits/timeline';
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
}

export interface Core {
  readonly db: Db;
  readonly events: EventBus;
  readonly session: Session;
  readonly info: AppInfo;
  /** For transports: any name, any input; answers an error value for anything it cannot take. */
  callUnknown(name: unknown, input: unknown): Promise<Result<unknown>>;
  /** Typed calls, for the CLI and tests. */
  call<N extends HandlerName>(name: N, input: InputOf<N>): Promise<Result<OutputOf<N>>>;
  close(): void;
}

const logInternalFailure = ({ reference, handler, error }: InternalFailure): void => {
  console.error(`[regulars] internal error ${reference} in ${handler}:`, error);
};

/**
 * Every feature that keeps rows about a customer, in dependency order (a feature whose rows point at
 * another's comes after it): merges move them in this order, purges delete them in reverse.
 */
export const customerRecordParticipants: readonly CustomerRecordsParticipant[] = [visitsRecords, remindersRecords];

export const createRegistry = (onInternalFailure: (failure: InternalFailure) => void): Registry => {
  const registry = new Registry(onInternalFailure);
  registry.register(customersHandlers);
  registry.register(visitsHandlers);
  registry.register(timelineHandlers([visitsTimelineSource, remindersTimelineSource, winBackAttemptsTimelineSource, customerStatusTimelineSource]));
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
  registry.assertComplete();
  return registry;
};

/** Opens the book in `dataDir` and returns the one object both transports and the CLI talk to. */
export const openCore = (options: CoreOptions): Core => {
  const now = options.now ?? (() => new Date());
  const { db, file } = openBook(options.dataDir, { projectRoot: options.projectRoot, now });
  if (!hasAnySettings(db)) writeSettings(db, initialSettings(options.systemLocales));
  prepareReminders({ db, now });
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
  const ctx: HandlerContext = { db, session, now, events, info };
  const idleLock = createIdleLock(ctx, () => events.emit('data-changed', { handler: 'auth-lock' }));
  const call = async (name: unknown, input: unknown): Promise<Result<unknown>> => {
    idleLock.beforeCall();
    try {
      return await registry.call(ctx, name, input);
    } finally {
      idleLock.afterCall();
    }
  };
  const reminderDays = options.dailyJobs ? new ReminderDays(ctx) : null;
  reminderDays?.start();
  return {
    db,
    events,
    session,
    info,
    callUnknown: call,
    call: (name, input) => call(name, input) as never,
    close: () => {
      idleLock.stop();
      reminderDays?.stop();
      if (!db.open) return;
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
};
