import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';

export interface DbBackupSettings {
  folder: string;
  automatic: number;
  keep_daily: number;
  keep_weekly: number;
  encrypt: number;
  sealed_passphrase: string | null;
}

export interface DbBackupRun {
  id: string;
  started_by: string;
  started_at: string;
  finished_at: string;
  ok: number;
  file: string;
  size_bytes: number;
  encrypted: number;
  failure_json: string | null;
  counts_json: string;
}

export interface DbRestore {
  id: string;
  restored_at: string;
  source_file: string;
  source_created_at: string;
  undo_file: string;
  undone_at: string | null;
}

/** Which runs count as the owner's backups (the safety copy taken before a restore lives in the data folder). */
const ownerBackups = "started_by <> 'before_restore'";

const statements = statementsFor((db) => ({
  settings: db.prepare<[], DbBackupSettings>('SELECT folder, automatic, keep_daily, keep_weekly, encrypt, sealed_passphrase FROM backup_settings WHERE id = 1'),
  writeSettings: db.prepare<DbBackupSettings>(`
    UPDATE backup_settings SET folder = @folder, automatic = @automatic, keep_daily = @keep_daily, keep_weekly = @keep_weekly,
      encrypt = @encrypt, sealed_passphrase = @sealed_passphrase
    WHERE id = 1`),
  insertRun: db.prepare<DbBackupRun>(`
    INSERT INTO backup_runs (id, started_by, started_at, finished_at, ok, file, size_bytes, encrypted, failure_json, counts_json)
    VALUES (@id, @started_by, @started_at, @finished_at, @ok, @file, @size_bytes, @encrypted, @failure_json, @counts_json)`),
  lastGood: db.prepare<[], DbBackupRun>(`SELECT * FROM backup_runs WHERE ok = 1 AND ${ownerBackups} ORDER BY finished_at DESC, id DESC LIMIT 1`),
  failuresAfter: db.prepare<[string], DbBackupRun>(
    `SELECT * FROM backup_runs WHERE ok = 0 AND ${ownerBackups} AND finished_at > ? ORDER BY finished_at DESC, id DESC LIMIT 20`,
  ),
  recent: db.prepare<[number], DbBackupRun>(`SELECT * FROM backup_runs WHERE ${ownerBackups} ORDER BY finished_at DESC, id DESC LIMIT ?`),
  automaticSince: db.prepare<[string], number>(
    "SELECT count(*) FROM backup_runs WHERE ok = 1 AND started_by IN ('automatic', 'quit') AND finished_at >= ?",
  ).pluck(),
  lastAutomatic: db.prepare<[], DbBackupRun>("SELECT * FROM backup_runs WHERE started_by IN ('automatic', 'quit') ORDER BY finished_at DESC, id DESC LIMIT 1"),
  customerCount: db.prepare<[], number>('SELECT count(*) FROM customers').pluck(),
  allRuns: db.prepare<[], DbBackupRun>('SELECT * FROM backup_runs ORDER BY id'),
  deleteRuns: db.prepare('DELETE FROM backup_runs'),
  insertRestore: db.prepare<DbRestore>(`
    INSERT INTO restores (id, restored_at, source_file, source_created_at, undo_file, undone_at)
    VALUES (@id, @restored_at, @source_file, @source_created_at, @undo_file, @undone_at)`),
  lastRestore: db.prepare<[], DbRestore>('SELECT * FROM restores ORDER BY restored_at DESC, id DESC LIMIT 1'),
  // An undo restores the safety copy the swap it undid made: that swap names the file as its undo file.
  undidRow: db.prepare<[string], DbRestore>('SELECT * FROM restores WHERE undo_file = ? AND undone_at IS NOT NULL ORDER BY restored_at DESC LIMIT 1'),
  markUndone: db.prepare<[string, string]>('UPDATE restores SET undone_at = ? WHERE id = ?'),
  allRestores: db.prepare<[], DbRestore>('SELECT * FROM restores ORDER BY id'),
  deleteRestores: db.prepare('DELETE FROM restores'),
  bookAudit: db.prepare<[], Record<string, unknown>>("SELECT * FROM audit_log WHERE entity = 'book' ORDER BY id"),
  keepAudit: db.prepare<Record<string, unknown>>(`
    INSERT OR IGNORE INTO audit_log (id, at, actor_role, actor_staff_id, action, entity, entity_id, before_json, after_json, note)
    VALUES (@id, @at, @actor_role, NULL, @action, @entity, @entity_id, @before_json, @after_json, @note)`),
}));

export const readBackupSettings = (db: Db): DbBackupSettings => {
  const row = statements(db).settings.get();
  if (row === undefined) throw new Error('backup_settings has no row');
  return row;
};

export const writeBackupSettings = (db: Db, settings: DbBackupSettings): void => {
  statements(db).writeSettings.run(settings);
};

export const insertBackupRun = (db: Db, run: DbBackupRun): void => {
  statements(db).insertRun.run(run);
};

export const lastGoodBackup = (db: Db): DbBackupRun | null => statements(db).lastGood.get() ?? null;

export const failedBackupsAfter = (db: Db, after: string): DbBackupRun[] => statements(db).failuresAfter.all(after);

export const recentBackupRuns = (db: Db, limit: number): DbBackupRun[] => statements(db).recent.all(limit);

export const automaticBackupsSince = (db: Db, since: string): number => statements(db).automaticSince.get(since) ?? 0;

export const lastAutomaticAttempt = (db: Db): DbBackupRun | null => statements(db).lastAutomatic.get() ?? null;

/** Whether there is anything to lose yet: an empty book is not warned about. */
export const countCustomersForBanner = (db: Db): number => statements(db).customerCount.get() ?? 0;

export const insertRestore = (db: Db, restore: DbRestore): void => {
  statements(db).insertRestore.run(restore);
};

export const lastRestore = (db: Db): DbRestore | null => statements(db).lastRestore.get() ?? null;
/** The swap (a restore or an undo) whose safety copy `file` is, and which a swap from that file undid; null for another file. */
export const restoreUndoneFrom = (db: Db, file: string): DbRestore | null => statements(db).undidRow.get(file) ?? null;

export const markRestoreUndone = (db: Db, id: string, at: string): void => {
  statements(db).markUndone.run(at, id);
};

/** What belongs to this computer rather than to the book: kept across a restore. */
export interface MachineRecords {
  settings: DbBackupSettings;
  runs: DbBackupRun[];
  restores: DbRestore[];
  /** The audit trail of restores themselves, which must outlive the book they replaced. */
  restoreAudit: Record<string, unknown>[];
}

export const readMachineRecords = (db: Db): MachineRecords => ({
  settings: readBackupSettings(db),
  runs: statements(db).allRuns.all(),
  restores: statements(db).allRestores.all(),
  restoreAudit: statements(db).bookAudit.all(),
});

export const replaceMachineRecords = (db: Db, records: MachineRecords): void => {
  const s = statements(db);
  writeBackupSettings(db, records.settings);
  s.deleteRuns.run();
  for (const run of records.runs) s.insertRun.run(run);
  s.deleteRestores.run();
  for (const restore of records.restores) s.insertRestore.run(restore);
  // The staff member named in an entry may not exist in the restored book; the role is kept.
  for (const entry of records.restoreAudit) s.keepAudit.run(entry);
};
