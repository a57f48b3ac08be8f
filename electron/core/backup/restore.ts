import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { BackupContents, PreparedRestore, RestoreRecord } from '../../../shared/contract/backup';
import type { FileSource } from '../../../shared/contract/files';
import { err, ok, type Result } from '../../../shared/result';
import { recordAudit } from '../audit';
import type { Session } from '../context';
import type { Db } from '../db/connection';
import { newId } from '../db/ids';
import { inTransaction } from '../db/transaction';
import type { Uploads } from '../files';
import type { JobStarter } from '../jobs';
import { currentSettings } from '../settings';
import { keepDeviceSyncBookkeeping, readDeviceSyncBookkeeping } from '../sync';
import { bookCounts } from '../transfer';
import { readBackupContents } from './jobs';
import { insertRestore, lastRestore, markRestoreUndone, readMachineRecords, replaceMachineRecords } from './queries';
import { restoreRecordOf, type BackupService } from './service';

export interface RestoreServiceDeps {
  db: () => Db;
  now: () => Date;
  session: Session;
  jobs: JobStarter;
  backups: BackupService;
  uploads: Uploads;
  stagingDir: string;
  /**
   * Closes the live book, puts the prepared file in its place and opens it (migrating an older
   * book); on failure the previous book is put back and opened again.
   */
  replaceBook: (preparedFile: string) => Result<null>;
  /** Keeps the book's sync sessions out while it is replaced (sync/service.ts holdForRestore); answers the release. */
  holdSharing: () => Promise<Result<() => void>>;
}

interface Prepared {
  id: string;
  file: string;
  contents: BackupContents;
}

/**
 * Restore in two steps the owner can follow: prepare (decrypt and check the whole backup, count
 * what it really holds) and confirm (save the current book for undo, then replace it). Undo puts
 * back the book as it was before the last restore, the same way.
 */
export class RestoreService {
  private prepared: Prepared | null = null;

  constructor(private readonly deps: RestoreServiceDeps) {}

  async read(source: FileSource): Promise<Result<BackupContents>> {
    const file = await this.deps.uploads.resolve(source);
    if (!file.ok) return file;
    return readBackupContents(file.value.file, file.value.displayName);
  }

  private discardPrepared(): void {
    if (this.prepared) rmSync(this.prepared.file, { force: true });
    this.prepared = null;
  }

  async prepare(source: FileSource, passphrase: string | null): Promise<Result<PreparedRestore>> {
    const file = await this.deps.uploads.resolve(source);
    if (!file.ok) return file;
    return this.prepareFile(file.value.file, file.value.displayName, passphrase);
  }

  private async prepareFile(file: string, displayName: string, passphrase: string | null): Promise<Result<PreparedRestore>> {
    this.discardPrepared();
    const id = newId();
    const preparedFile = path.join(this.deps.stagingDir, `prepared-${id}.db`);
    const checked = await this.deps.jobs.run('restore-check', { file, displayName, passphrase, preparedFile }, { cancellable: true });
    if (!checked.ok) return checked;
    this.prepared = { id, file: preparedFile, contents: checked.value };
    const db = this.deps.db();
    return ok({ preparedId: id, contents: checked.value, current: { counts: bookCounts(db), shopName: currentSettings({ db }).shopName } });
  }

  async confirm(preparedId: string): Promise<Result<RestoreRecord>> {
    const prepared = this.prepared;
    if (prepared === null || prepared.id !== preparedId || !existsSync(prepared.file)) return err('INVALID_STATE', { reason: 'restore_not_prepared' });
    return this.replaceWith(prepared, 'book.restore', null);
  }

  async undo(): Promise<Result<RestoreRecord>> {
    const last = lastRestore(this.deps.db());
    if (last === null || last.undone_at !== null || !existsSync(last.undo_file)) return err('INVALID_STATE', { reason: 'nothing_to_undo' });
    const prepared = await this.prepareFile(last.undo_file, path.basename(last.undo_file), null);
    if (!prepared.ok) return prepared;
    if (this.prepared === null) return err('INVALID_STATE', { reason: 'restore_not_prepared' });
    return this.replaceWith(this.prepared, 'book.restore-undo', last.id);
  }

  /**
   * Safety backup of the current book → swap → carry over what belongs to this computer (backup
   * settings and history, earlier restores) → record the restore. Nothing else runs meanwhile.
   */
  private async replaceWith(prepared: Prepared, action: 'book.restore' | 'book.restore-undo', undoing: string | null): Promise<Result<RestoreRecord>> {
    const reservation = await this.deps.jobs.reserve();
    if (reservation === null) return err('INVALID_STATE', { reason: 'job_running' });
    const sessionsHeld = await this.deps.holdSharing();
    if (!sessionsHeld.ok) {
      reservation.release();
      return sessionsHeld;
    }
    try {
      const safety = await this.deps.backups.safetyBackup(reservation);
      if (!safety.ok) return safety;
      const machine = readMachineRecords(this.deps.db());
      const sharing = readDeviceSyncBookkeeping(this.deps.db());
      const replaced = this.deps.replaceBook(prepared.file);
      if (!replaced.ok) return replaced;
      this.prepared = null;
      const db = this.deps.db();
      const now = this.deps.now().toISOString();
      const record: RestoreRecord = {
        id: newId(),
        restoredAt: now,
        sourceFile: prepared.contents.file,
        sourceCreatedAt: prepared.contents.createdAt,
        undoFile: safety.value.file,
        undoneAt: null,
        kind: 'restore',
        of: null,
      };
      return inTransaction(db, () => {
        replaceMachineRecords(db, machine);
        // A shared book: the restored one is brought back to what every device holds at the next sync (sync/queries.ts);
        // this device's own sync settings (its folder, serving) are its own, not the backup's.
        keepDeviceSyncBookkeeping(db, sharing);
        if (undoing !== null) markRestoreUndone(db, undoing, now);
        insertRestore(db, {
          id: record.id,
          restored_at: record.restoredAt,
          source_file: record.sourceFile,
          source_created_at: record.sourceCreatedAt,
          undo_file: record.undoFile,
          undone_at: null,
        });
        recordAudit(
          { db, session: this.deps.session, now: this.deps.now },
          {
            action,
            entity: 'book',
            entityId: record.id,
            after: { from: prepared.contents.fileName, createdAt: prepared.contents.createdAt, counts: prepared.contents.counts, undoFile: record.undoFile },
          },
        );
        return ok(restoreRecordOf(db, lastRestore(db)) ?? record);
      });
    } finally {
      sessionsHeld.value();
      reservation.release();
    }
  }
}
