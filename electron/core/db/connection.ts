import Database from 'better-sqlite3';
import { nativeBindingForThisProcess } from './native-binding';
import { installCaptureTriggers, isSharedBook } from './replicated';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Where the project (or packaged app) lives; used to find the Electron flavour of the SQLite module. */
  projectRoot?: string;
  /** How long a write waits for another connection's transaction before answering "busy". */
  busyTimeoutMs?: number;
  /**
   * On a shared book, whether this connection's writes are noted for the other devices (default);
   * the connection that applies their changes is opened without.
   */
  captureForSharing?: boolean;
}

/**
 * The one way the app opens a book: WAL so readers never block the writer, synchronous=FULL so a
 * committed record survives a power cut, foreign keys enforced; on a shared book, writes noted for
 * the other devices.
 */
export const openDatabase = (file: string, options: OpenOptions = {}): Db => {
  const db = new Database(file, {
    readonly: options.readonly ?? false,
    fileMustExist: options.readonly ?? false,
    timeout: options.busyTimeoutMs ?? 2000,
    nativeBinding: nativeBindingForThisProcess(options.projectRoot ?? process.cwd()),
  });
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -65536');
  if (!options.readonly && (options.captureForSharing ?? true) && isSharedBook(file)) installCaptureTriggers(db);
  return db;
};

/**
 * Runs `read` with the connection's page cache cut to `kib` KiB, then gives the cache its size back.
 * For a read that walks an index larger than the cache (the dashboard's walk of every visit, 70 MB
 * on a book of a million): through the full cache such a walk only evicts the pages the counter
 * keeps hot, and the first one in a process grows the cache to its 64 MB — a quarter of a second
 * of page faults on a 2-core machine — while through a small one it reads the same pages as fast.
 */
export const withSmallPageCache = <T>(db: Db, kib: number, read: () => T): T => {
  const size = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = -${kib}`);
  try {
    return read();
  } finally {
    db.pragma(`cache_size = ${size}`);
  }
};
