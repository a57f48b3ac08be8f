import { copyFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { callOk, freshCore, tempDir } from '../support/core';

/** How many visits the book file holds on its own, without its write-ahead log: a copy of the file alone, opened. */
const visitsInBookFile = (bookFile: string): number => {
  const copy = path.join(tempDir(), 'book-file-alone.db');
  copyFileSync(bookFile, copy);
  const db = new Database(copy, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM visits').pluck().get() as number;
  } finally {
    db.close();
  }
};

const quietMoment = () => new Promise((resolve) => setTimeout(resolve, 700));

describe('the write-ahead log folded in while the counter is quiet', () => {
  it('a visit logged is in the log at once and in the book file a moment later, without another write', async () => {
    const core = freshCore();
    const customer = await callOk(core, 'customers-create', { name: '林美華', phones: ['0912 345 678'] });
    await quietMoment();
    await callOk(core, 'visits-log', { customerId: customer.id, amountMinor: 12000 });
    // Committed (synchronous=FULL) in the log; the commit did not stop to fold it in.
    expect(visitsInBookFile(core.info.bookFile)).toBe(0);
    await quietMoment();
    expect(visitsInBookFile(core.info.bookFile)).toBe(1);
    await callOk(core, 'visits-log', { customerId: customer.id, amountMinor: 8000 });
    await quietMoment();
    expect(visitsInBookFile(core.info.bookFile)).toBe(2);
  });
});
