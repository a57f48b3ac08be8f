import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection';
import { migrate } from '../../electron/core/db/migrate';
import { bookPath } from '../../electron/core/paths';
import { checkBackupFile, createBackupFile } from '../../electron/core/backup/jobs';
import { pinBook } from '../../electron/core/backup/snapshot';
import type { JobContext } from '../../electron/core/jobs/types';
import { tempDir } from '../support/core';

const job = { projectRoot: process.cwd(), cancelled: false, report: () => {} } as unknown as JobContext;

/** A book in WAL mode with `count` staff members, as the app leaves it. */
const bookWithStaff = (count: number) => {
  const dir = tempDir();
  const file = bookPath(dir);
  const db = openDatabase(file);
  migrate(db, () => '');
  const add = db.prepare("INSERT INTO staff (id, name, created_at) VALUES (?, ?, '2026-01-01T00:00:00.000Z')");
  for (let i = 0; i < count; i += 1) add.run(`s${i}`, `Staff ${i}`);
  return { dir, file, db, add };
};

const staffIn = (file: string): number => {
  const db = openDatabase(file, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM staff').pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('a backup read straight from the live book', () => {
  it('holds the book as of the pin: a write made meanwhile is neither in the file read nor lost from the book', () => {
    const { dir, file, db, add } = bookWithStaff(3);
    const pinned = pinBook(file, process.cwd());
    expect(pinned).not.toBeNull();
    add.run('late', 'Logged during the backup');
    // The write waits in the log: the pin keeps it from being folded into the file, however hard the app tries.
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(pinned?.logStillEmpty()).toBe(false);
    const copy = path.join(dir, 'copy.db');
    writeFileSync(copy, readFileSync(file).subarray(0, pinned?.bookBytes));
    expect(staffIn(copy)).toBe(3);
    expect(pinned?.quickCheck()).toBe(true);
    pinned?.release();
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(staffIn(file)).toBe(4);
    db.close();
  });

  it('is not pinned while a reader keeps a write in the log: the backup copies the book instead, and still holds every write', async () => {
    const { dir, file, db, add } = bookWithStaff(2);
    add.run('s2', 'In the log');
    const reader = openDatabase(file, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('SELECT count(*) FROM staff').get();
    expect(pinBook(file, process.cwd())).toBeNull();
    const folder = path.join(dir, 'out');
    mkdirSync(folder);
    const made = await createBackupFile(
      { bookFile: file, stagingDir: path.join(dir, 'staging'), folder, fileBase: 'b', passphrase: null, automatic: false, appVersion: '1', createdAt: new Date().toISOString(), bookId: 'book' },
      job,
    );
    reader.exec('ROLLBACK');
    reader.close();
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const prepared = path.join(dir, 'restored.db');
    const checked = await checkBackupFile({ file: made.value.file, displayName: 'b', passphrase: null, preparedFile: prepared }, job);
    expect(checked.ok && checked.value.verified).toBe(true);
    expect(staffIn(prepared)).toBe(3);
    db.close();
  });

  it('restores as a standalone book that opens read-only without a log beside it', async () => {
    const { dir, file, db } = bookWithStaff(5);
    const folder = path.join(dir, 'out');
    mkdirSync(folder);
    const made = await createBackupFile(
      { bookFile: file, stagingDir: path.join(dir, 'staging'), folder, fileBase: 'b', passphrase: 'correct horse', automatic: false, appVersion: '1', createdAt: new Date().toISOString(), bookId: 'book' },
      job,
    );
    expect(made.ok).toBe(true);
    if (!made.ok) return;
    const prepared = path.join(dir, 'restore', 'book.db');
    const checked = await checkBackupFile({ file: made.value.file, displayName: 'b', passphrase: 'correct horse', preparedFile: prepared }, job);
    expect(checked.ok && checked.value.verified).toBe(true);
    const header = readFileSync(prepared).subarray(18, 20);
    expect([...header]).toEqual([1, 1]);
    expect(staffIn(prepared)).toBe(5);
    db.close();
  });
});
