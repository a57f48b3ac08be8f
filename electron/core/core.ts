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

export interface CoreOptions {
  dataDir: string;
  transport: AppInfo['transport'];
  /** Languages the computer prefers, most preferred first; a new book takes its defaults from them. */
  systemLocales: readonly string[];
  projectRoot?: string;
  now?: () => Date;
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
  registry.register(timelineHandlers([visitsTimelineSource]));
  registry.register(staffHandlers);
  registry.register(settingsHandlers);
  registry.register(sessionHandlers);
  registry.assertComplete();
  return registry;
};

/** Opens the book in `dataDir` and returns the one object both transports and the CLI talk to. */
export const openCore = (options: CoreOptions): Core => {
  const now = options.now ?? (() => new Date());
  const { db, file } = openBook(options.dataDir, { projectRoot: options.projectRoot, now });
  if (!hasAnySettings(db)) writeSettings(db, initialSettings(options.systemLocales));
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
  return {
    db,
    events,
    session,
    info,
    callUnknown: (name, input) => registry.call(ctx, name, input),
    call: (name, input) => registry.call(ctx, name, input) as never,
    close: () => {
      if (!db.open) return;
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
};
