import { migration001 } from './001-customer-book';
import { migration002 } from './002-audit-log';
import { migration005 } from './005-reminders';
import type { Migration } from './types';

/**
 * In order of version. Branches built in parallel are given their numbers up front, so a branch may
 * lack a number another one ships; the runner goes by version, never by position.
 */
export const migrations: readonly Migration[] = [migration001, migration002, migration005];

export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;
