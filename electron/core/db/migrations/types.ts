import type { Db } from '../connection';

/** A numbered schema step. Once shipped it is never edited: a later migration changes it. */
export interface Migration {
  version: number;
  name: string;
  up: (db: Db) => void;
}
