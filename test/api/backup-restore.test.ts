import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedBook } from '../../electron/core/seed/seed';
import { callOk, freshCore, tempDir } from '../support/core';

const exportAll = async (core: ReturnType<typeof freshCore>, folder: string): Promise<string> => {
  const [file] = await callOk(core, 'export-run', { what: 'all', format: 'json', folder, fileName: 'all.json' });
  return readFileSync(file!.path, 'utf8');
};

describe('backup and restore', () => {
  it('round trip: seed → encrypted backup → restore into an empty folder → identical JSON export', async () => {
    const original = freshCore();
    seedBook(original.db, { customers: 60, visits: 400, seed: 7, days: 200, now: new Date('2026-11-20T10:00:00Z') });
    const backups = tempDir('regulars-backups-');
    const run = await callOk(original, 'backup-create', { folder: backups, passphrase: 'correct horse battery' });
    expect(run).toMatchObject({ ok: true, encrypted: true, counts: { customers: 60 } });
    const before = await exportAll(original, tempDir());

    const empty = freshCore();
    const prepared = await callOk(empty, 'restore-prepare', { source: { kind: 'path', path: run.file }, passphrase: 'correct horse battery' });
    expect(prepared.contents).toMatchObject({ verified: true, encrypted: true, counts: { customers: 60 } });
    await callOk(empty, 'restore-confirm', { preparedId: prepared.preparedId });
    expect(await exportAll(empty, tempDir())).toBe(before);
    expect(path.extname(run.file)).toBe('.regulars-backup');
  });
});
