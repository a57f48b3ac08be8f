import path from 'node:path';
import type { FileRefusal } from '../../../shared/errors';
import { err, type Failure } from '../../../shared/result';

/** A file refused, named the way the owner knows it (its name, not the whole path). */
export const refuseFile = (reason: FileRefusal, file: string, extra: { row?: number; limit?: number } = {}): Failure =>
  err('FILE_REFUSED', { reason, name: path.basename(file) || file, ...extra });

/** Maps a failed fs call on a file the owner named to a refusal they can act on; null when it is not such a failure. */
export const refusalForFsError = (caught: unknown, file: string, writing = false): Failure | null => {
  const code = (caught as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
      return refuseFile('not_found', file);
    case 'EISDIR':
      return refuseFile('not_a_file', file);
    case 'ENOTDIR':
      return refuseFile('not_a_folder', file);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return refuseFile(writing ? 'unwritable' : 'unreadable', file);
    case 'ENOSPC':
      return err('DISK_FULL');
    case 'EIO':
      return err('STORAGE_FAILED');
    default:
      return null;
  }
};
