import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection';
import { inImportTransaction } from '../../electron/core/transfer/import/commit';
import { tempDir } from '../support/core';

const bookWithReferences = () => {
  const db = openDatabase(path.join(tempDir('regulars-import-tx-'), 'book.db'));
  db.exec('CREATE TABLE parent (id INTEGER PRIMARY KEY) STRICT; CREATE TABLE child (parent_id INTEGER NOT NULL REFERENCES parent (id)) STRICT');
  return db;
};

const checksOn = (db: ReturnType<typeof openDatabase>): number => db.pragma('foreign_keys', { simple: true }) as number;

describe('the import transaction', () => {
  it('sets the foreign-key checks aside for its own writes only, and always back: committed, failed or refused', () => {
    const db = bookWithReferences();
    // A row SQLite would refuse with its checks on: the import vouches for its references itself.
    inImportTransaction(db, () => db.exec('INSERT INTO child VALUES (1)'));
    expect(checksOn(db)).toBe(1);
    expect(() => inImportTransaction(db, () => {
      db.exec('INSERT INTO parent VALUES (2)');
      throw new Error('cancelled');
    })).toThrow('cancelled');
    expect(db.prepare('SELECT count(*) FROM parent').pluck().get()).toBe(0);
    expect(checksOn(db)).toBe(1);
    expect(() => db.exec('INSERT INTO child VALUES (3)')).toThrow(/FOREIGN KEY/);
    db.transaction(() => expect(() => inImportTransaction(db, () => undefined)).toThrow(/transaction of its own/))();
    expect(checksOn(db)).toBe(1);
    db.close();
  });
});
