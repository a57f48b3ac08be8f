import type { Db } from '../db/connection';
import { readStateValue, writeStateValue } from '../settings';
import type { DeriveEnvironment } from './environment';
import { derivedFigures, type DerivedFigure } from './figures';

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

export interface FigureBases {
  stored: Record<string, unknown>;
  /** Each figure's basis as it would be made now. */
  wanted: Record<string, unknown>;
  /** Whether the figure was made on another basis than now (a new day, other rules, a newer rule). */
  behind(figure: DerivedFigure): boolean;
  /** The first figure in the declared order that is behind; −1 when none is. */
  firstBehind: number;
}

/** Where the figures stand against the environment: what every catch-up and rebuild starts from. */
export const figureBases = (db: Db, environment: DeriveEnvironment): FigureBases => {
  const stored = readBases(db);
  const wanted = Object.fromEntries(derivedFigures.map((figure) => [figure.name, figure.basis(environment)]));
  const behind = (figure: DerivedFigure) => !sameBasis(stored[figure.name], wanted[figure.name]);
  return { stored, wanted, behind, firstBehind: derivedFigures.findIndex(behind) };
};
