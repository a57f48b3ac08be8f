import { migration001 } from './001-customer-book';
import type { Migration } from './types';

/** In order; the position of each entry must equal its version. */
export const migrations: readonly Migration[] = [migration001];

export const latestSchemaVersion = migrations.length;
