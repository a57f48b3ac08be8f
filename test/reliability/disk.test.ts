import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkBook } from '../../electron/core/check';
import { openCore, type Core } from '../../electron/core/core';
import { bookSnapshot, callOk, tempDir } from '../support/core';

/** A real small filesystem, so "disk full" and "read-only" are the kernel's answers, not a mock. */
const mounted: string[] = [];
const mountTmpfs = (sizeKb: number): string | null => {
  const dir = tempDir('regulars-disk-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'ignore' });
    mounted.push(dir);
    return dir;
  } catch {
    return null;
  }
};
const remount = (dir: string, options: string) => execFileSync('mount', ['-o', `remount,${options}`, dir], { stdio: 'ignore' });
const canMount = mountTmpfs(64) !== null;

const canMakeImmutable = (() => {
  const probe = path.join(tempDir('regulars-chattr-'), 'probe');
  writeFileSync(probe, '');
  try {
    execFileSync('chattr', ['+i', probe], { stdio: 'ignore' });
    execFileSync('chattr', ['-i', probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
  for (const dir of mounted.splice(0)) {
    execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  }
});

const open = (dataDir: string): Core => {
  const core = openCore({ dataDir, transport: 'browser', authority: 'owner', systemLocales: ['en-US'] });
  cores.push(core);
  return core;
};

describe.skipIf(!canMount)('disk trouble (needs permission to mount a tmpfs; skipped where there is none)', () => {
  it('answers DISK_FULL when the disk fills, loses nothing committed, and works again once there is room', async () => {
    // Room for a new book and a few dozen visits (the book's empty tables take some of it).
    const dataDir = mountTmpfs(1664)!;
    const core = open(dataDir);
    const customer = await callOk(core, 'customers-create', { name: '王小明' });
    const committed: string[] = [];
    let refusal: unknown = null;
    for (let i = 0; i < 20_000 && refusal === null; i += 1) {
      const result = await core.call('visits-log', { customerId: customer.id, amountMinor: 100, note: 'n'.repeat(2000) });
      if (result.ok) committed.push(result.value.id);
      else refusal = result.error;
    }
    expect(refusal).toMatchObject({ code: 'DISK_FULL' });
    expect((await callOk(core, 'customers-search', { query: '王小' })).rows).toHaveLength(1);
    remount(dataDir, 'size=8m');
    const after = await core.call('visits-log', { customerId: customer.id, amountMinor: 100 });
    expect(after.ok).toBe(true);
    core.close();
    cores.length = 0;
    expect(checkBook(dataDir).problems).toEqual([]);
    const reopened = open(dataDir);
    const stored = new Set(reopened.db.prepare('SELECT id FROM visits').pluck().all() as string[]);
    expect(committed.filter((id) => !stored.has(id))).toEqual([]);
    expect(committed.length).toBeGreaterThan(10);
  });

  it.skipIf(!canMakeImmutable)("refuses writes while the book's files cannot be written, keeps reading, and writes again after", async () => {
    const dataDir = tempDir('regulars-immutable-');
    const core = open(dataDir);
    const customer = await callOk(core, 'customers-create', { name: 'Ada Lovelace', phones: ['0912345678'] });
    const files = ['regulars.db', 'regulars.db-wal'].map((name) => path.join(dataDir, name));
    // Immutable files refuse every write, even root's: the nearest thing to media turning read-only under us.
    execFileSync('chattr', ['+i', ...files]);
    try {
      const refused = await core.call('visits-log', { customerId: customer.id, amountMinor: 500 });
      expect(refused.ok ? '' : refused.error.code).toMatch(/^(READ_ONLY_BOOK|STORAGE_FAILED)$/);
      expect((await callOk(core, 'customers-search', { query: '5678' })).rows.map((row) => row.name)).toEqual(['Ada Lovelace']);
    } finally {
      execFileSync('chattr', ['-i', ...files]);
    }
    expect((await core.call('visits-log', { customerId: customer.id, amountMinor: 500 })).ok).toBe(true);
    expect((await callOk(core, 'customers-get', { id: customer.id })).visitCount).toBe(1);
  });

  it('says the stick is full when a backup does not fit, leaves no partial file, and backs up once there is room', async () => {
    const core = open(tempDir('regulars-book-'));
    // Notes that do not compress: backups are compressed, and this book must still overflow a 64 KB stick.
    for (let i = 0; i < 40; i += 1) await callOk(core, 'customers-create', { name: `王小明 ${i}`, notes: randomBytes(1500).toString('base64') });
    // A first backup elsewhere gives the book its id, which every backup names.
    await callOk(core, 'backup-create', { folder: tempDir('regulars-backups-') });
    const stick = mountTmpfs(64)!;
    const before = bookSnapshot(core, ['audit_log', 'backup_runs']);
    expect(await core.call('backup-create', { folder: stick })).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
    expect(readdirSync(stick)).toEqual([]);
    expect(bookSnapshot(core, ['audit_log', 'backup_runs'])).toBe(before);
    remount(stick, 'size=8m');
    const made = await callOk(core, 'backup-create', { folder: stick });
    expect(readdirSync(stick)).toEqual([path.basename(made.file)]);
  });

  it.skipIf(!canMakeImmutable)('refuses a backup folder that cannot be written, naming the folder, and leaves nothing in it', async () => {
    const core = open(tempDir('regulars-book-'));
    await callOk(core, 'customers-create', { name: 'Ada Lovelace' });
    const folder = tempDir('regulars-locked-');
    execFileSync('chattr', ['+i', folder]);
    try {
      expect(await core.call('backup-create', { folder })).toMatchObject({ ok: false, error: { code: 'FILE_REFUSED', details: { reason: 'unwritable', name: folder } } });
    } finally {
      execFileSync('chattr', ['-i', folder]);
    }
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses to open a book in a folder that cannot be written, with a clear error', () => {
    const dataDir = mountTmpfs(1024)!;
    writeFileSync(path.join(dataDir, 'placeholder'), '');
    remount(dataDir, 'ro');
    expect(() => open(dataDir)).toThrow(expect.objectContaining({ error: expect.objectContaining({ code: 'READ_ONLY_BOOK' }) }));
  });
});
