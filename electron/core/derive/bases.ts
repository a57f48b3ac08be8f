import type { Db } from '../db/connection';
import { readStateValue, writeStateValue } from '../settings';

const basesKey = 'derive.bases';

/** Each figure's basis as of its last full rebuild, by figure name. */
export const readBases = (db: Db): Record<string, unknown> => {
  const stored = readStateValue(db, basesKey);
  return stored !== null && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
};

export const writeBases = (db: Db, bases: Record<string, unknown>): void => {
  writeStateValue(db, basesKey, bases);
};

export const sameBasis = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
