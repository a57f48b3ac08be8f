// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Backup files: the backup and restore-check jobs, the container's mark, SQLite's quick check. */
export { containerMagic } from './container';
export { checkBackupFile, createBackupFile } from './jobs';
