import type { HandlerName, InputOf, OutputOf } from '../../shared/contract';
import type { AppInfo } from '../../shared/contract/session';
import type { Result } from '../../shared/result';
import { openBook } from './book';
import type { HandlerContext, Session } from './context';
import type { Db } from './db/connection';
import { schemaVersionOf } from './db/migrate';
import { customersHandlers } from './customers/handlers';
import { EventBus } from './events';
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
import { visitsTimelineSource } from './visits/timeline';
import { appVersion } from './version';
import { winbackHandlers } from './winback/handlers';
import { customerStatusTimelineSource, winBackAttemptsTimelineSource } from './winback/timeline';

export interface CoreOptions {
  dataDir: string;
  transport: AppInfo['transport'];
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

export const createRegistry = (onInternalFailure: (failure: InternalFailure) => void): Registry => {
  const registry = new Registry(onInternalFailure);
  registry.register(customersHandlers);
  registry.register(visitsHandlers);
  registry.register(timelineHandlers([visitsTimelineSource, remindersTimelineSource, winBackAttemptsTimelineSource, customerStatusTimelineSource]));
  registry.register(staffHandlers);
  registry.register(settingsHandlers);
  registry.register(sessionHandlers);
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
    role: 'owner',
    staffId: typeof rememberedStaff === 'string' && getStaff(db, rememberedStaff)?.active ? rememberedStaff : null,
  };
  const info: AppInfo = {
    version: appVersion,
    schemaVersion: schemaVersionOf(db),
    dataDir: options.dataDir,
    bookFile: file,
    transport: options.transport,
  };
  const ctx: HandlerContext = { db, session, now, events, info };
  const reminderDays = options.dailyJobs ? new ReminderDays(ctx) : null;
  reminderDays?.start();
  return {
    db,
    events,
    session,
    info,
    callUnknown: (name, input) => registry.call(ctx, name, input),
    call: (name, input) => registry.call(ctx, name, input) as never,
    close: () => {
      reminderDays?.stop();
      if (!db.open) return;
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
};
