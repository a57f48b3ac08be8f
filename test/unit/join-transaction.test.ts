import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection';
import { joinTransaction } from '../../electron/core/db/transaction';
import { tempDir } from '../support/core';

const book = () => {
  const db = openDatabase(path.join(tempDir('regulars-join-tx-'), 'book.db'));
  db.exec('CREATE TABLE facts (value TEXT NOT NULL) STRICT');
  return db;
};

const values = (db: ReturnType<typeof book>): string[] => db.prepare('SELECT value FROM facts ORDER BY rowid').pluck().all() as string[];

class Stop extends Error {}

describe('joinTransaction', () => {
  it('alone, commits its writes in one transaction of its own, or none of them', () => {
    const db = book();
    joinTransaction(db, () => db.prepare("INSERT INTO facts VALUES ('kept')").run());
    expect(() =>
      joinTransaction(db, () => {
        db.prepare("INSERT INTO facts VALUES ('undone')").run();
        throw new Stop();
      }),
    ).toThrow(Stop);
    expect(db.inTransaction).toBe(false);
    expect(values(db)).toEqual(['kept']);
  });

  it('inside a transaction, works in it without a savepoint: a failure leaves its writes to the caller, who rolls back the whole', () => {
    const db = book();
    // A savepoint would have undone the inner write when the failure left joinTransaction; it is
    // still there, because no savepoint (whose page copies grow with every page it changes) was opened.
    db.transaction(() => {
      db.prepare("INSERT INTO facts VALUES ('outer')").run();
      expect(() =>
        joinTransaction(db, () => {
          db.prepare("INSERT INTO facts VALUES ('inner')").run();
          throw new Stop();
        }),
      ).toThrow(Stop);
      expect(values(db)).toEqual(['outer', 'inner']);
    })();
    expect(values(db)).toEqual(['outer', 'inner']);

    expect(() =>
      db.transaction(() => {
        joinTransaction(db, () => db.prepare("INSERT INTO facts VALUES ('rolled back')").run());
        throw new Stop();
      })(),
    ).toThrow(Stop);
    expect(values(db)).toEqual(['outer', 'inner']);
  });
});
