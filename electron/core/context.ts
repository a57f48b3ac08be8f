import type { Role } from '../../shared/contract/define';
import type { AppInfo } from '../../shared/contract/session';
import type { BackupService } from './backup/service';
import type { RestoreService } from './backup/restore';
import type { Db } from './db/connection';
import type { EventBus } from './events';
import type { NativeDialogs } from './files/native';
import type { Uploads } from './files/uploads';
import type { JobRunner } from './jobs/runner';

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
  jobs: JobRunner;
  backups: BackupService;
  restores: RestoreService;
  uploads: Uploads;
  /** The desktop app's file dialogs; null in browser mode and the CLI. */
  dialogs: NativeDialogs | null;
  dataDir: string;
  bookFile: string;
  stagingDir: string;
}
