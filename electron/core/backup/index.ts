// The feature's surface: what other features may import from it (lint: boundaries/dependencies).

/** Backups and restores: the services, the backup and restore-check jobs, and the book's counts. */
export { containerMagic } from './container';
export { checkBackupFile, createBackupFile } from './jobs';
export { quickCheck } from './snapshot';
