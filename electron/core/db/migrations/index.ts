import { migration001 } from './001-customer-book';
import { migration002 } from './002-audit-log';
import { migration004 } from './004-backups';
import type { Migration } from './types';

/**
 * In order of version. Branches built in parallel are given their numbers up front, so a branch may
 * lack a number another one ships; the runner goes by version, never by position.
 */
export const migrations: readonly Migration[] = [migration001, migration002, migration004];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
