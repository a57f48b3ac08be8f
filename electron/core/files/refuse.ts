import path from 'node:path';
import type { FileRefusal } from '../../../shared/errors';
import { err, type Failure } from '../../../shared/result';

/** A file refused, named the way the owner knows it (its name, not the whole path). */
export const refuseFile = (reason: FileRefusal, file: string, extra: { row?: number; limit?: number } = {}): Failure =>
  err('FILE_REFUSED', { reason, name: path.basename(file) || file, ...extra });

/** A folder refused, named by its whole path: "D:\Backups" says more than "Backups" when a stick is missing. */
export const refuseFolder = (reason: FileRefusal, folder: string): Failure => err('FILE_REFUSED', { reason, name: folder });

/** Maps a failed fs call on a file the owner named to a refusal they can act on; null when it is not such a failure. */
export const refusalForFsError = (caught: unknown, file: string, writing = false, isFolder = false): Failure | null => {
  const code = (caught as NodeJS.ErrnoException | null)?.code;
  const refuse = (reason: FileRefusal) => (isFolder ? refuseFolder(reason, file) : refuseFile(reason, file));
  switch (code) {
    case 'ENOENT':
      return refuse('not_found');
    case 'EISDIR':
      return refuse('not_a_file');
    case 'ENOTDIR':
    case 'EEXIST':
      return refuse('not_a_folder');
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return refuse(writing ? 'unwritable' : 'unreadable');
    case 'ENOSPC':
      return err('DISK_FULL');
    case 'EIO':
      return err('STORAGE_FAILED');
    default:
      return null;
  }
};
