import Database from 'better-sqlite3';
import { nativeBindingForThisProcess } from './native-binding';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** Where the project (or packaged app) lives; used to find the Electron flavour of the SQLite module. */
  projectRoot?: string;
  /** How long a write waits for another connection's transaction before answering "busy". */
  busyTimeoutMs?: number;
}

/**
 * The one way the app opens a book: WAL so readers never block the writer, synchronous=FULL so a
 * committed record survives a power cut, foreign keys enforced.
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
  return db;
};
