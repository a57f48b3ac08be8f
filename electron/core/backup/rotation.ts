import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { backupExtension } from '../../../shared/contract/backup';
import { backupsToKeep, type RotationPolicy } from '../../../shared/backup/rotation';
import { openContainer } from './container';

/** Automatic backups are named "<shop>-auto-<time>"; only those are ever deleted, never a backup the owner made. */
export const automaticMarker = '-auto-';

/**
 * Deletes automatic backups of this book that the policy no longer keeps. Files are recognised by
 * name and by the book id in their header, so backups of another shop in a shared folder, and
 * anything that is not a readable backup, are left alone.
 */
export const rotateBackups = async (folder: string, bookId: string, policy: RotationPolicy, zone: string): Promise<string[]> => {
  const names = (await readdir(folder)).filter((name) => name.endsWith(backupExtension) && name.includes(automaticMarker));
  const candidates: { id: string; createdAt: string }[] = [];
  for (const name of names) {
    const opened = await openContainer(path.join(folder, name));
    if (opened.ok && opened.value.header.automatic && opened.value.header.bookId === bookId) {
      candidates.push({ id: name, createdAt: opened.value.header.createdAt });
    }
  }
  const keep = backupsToKeep(candidates, policy, zone);
  const removed: string[] = [];
  for (const candidate of candidates) {
    if (keep.has(candidate.id)) continue;
    await rm(path.join(folder, candidate.id), { force: true });
    removed.push(candidate.id);
  }
  return removed;
};
