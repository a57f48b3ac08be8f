import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { backupExtension, type BackupContents } from '../../../shared/contract/backup';
import { err, ok, type Result } from '../../../shared/result';
import { refusalForFsError } from '../files';
import { defaultExportFolder } from '../paths';
import type { HandlerImpls } from '../registry';
import { readBackupContents } from './jobs';

/** Backup files in a folder, newest first; files that are not readable backups are left out. */
const listBackups = async (folder: string): Promise<Result<BackupContents[]>> => {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (caught) {
    const refusal = refusalForFsError(caught, folder, false, true);
    if (refusal) return refusal;
    throw caught;
  }
  const found: BackupContents[] = [];
  for (const name of names.filter((entry) => entry.endsWith(backupExtension))) {
    const contents = await readBackupContents(path.join(folder, name), name);
    if (contents.ok) found.push(contents.value);
  }
  return ok(found.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.fileName.localeCompare(a.fileName)));
};

export const backupHandlers: HandlerImpls = {
  'backup-status': (ctx) => ok(ctx.data.backups.status(defaultExportFolder())),
  'backup-settings-update': (ctx, changes) => ctx.data.backups.updateSettings(changes),
  'backup-create': (ctx, { folder, passphrase }) => ctx.data.backups.backUp('manual', { folder, passphrase }),
  'backup-list': (ctx, { folder }) => {
    const chosen = folder ?? ctx.data.backups.settings().folder;
    if (chosen === '') return err('INVALID_STATE', { reason: 'no_backup_folder' });
    return listBackups(path.resolve(chosen));
  },
  'restore-read': (ctx, { source }) => ctx.data.restores.read(source),
  'restore-prepare': (ctx, { source, passphrase }) => ctx.data.restores.prepare(source, passphrase),
  'restore-confirm': (ctx, { preparedId }) => ctx.data.restores.confirm(preparedId),
  'restore-undo': (ctx) => ctx.data.restores.undo(),
};
