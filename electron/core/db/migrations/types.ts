import type { Db } from '../connection';

/** A numbered schema step. Once shipped it is never edited: a later migration changes it. */
export interface Migration {
  version: number;
  name: string;
  up: (db: Db) => void;
  /**
   * The step frees many pages (indexes dropped): the runner VACUUMs once after the migration
   * transaction commits (VACUUM cannot run inside a transaction), so the book file shrinks.
   */
  compactAfter?: boolean;
}
