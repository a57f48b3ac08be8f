import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { containerMagic, writeContainer } from '../../electron/core/backup/container';
import { defaultScryptParams, deriveKeys } from '../../electron/core/backup/crypto';
import { openDatabase } from '../../electron/core/db/connection';
import { migrate } from '../../electron/core/db/migrate';
import { latestSchemaVersion, migrations } from '../../electron/core/db/migrations';
import { bookPath } from '../../electron/core/paths';
import { seedBook } from '../../electron/core/seed/seed';
import { callOk, expectOk, fixedClock, freshCore, tempDir } from '../support/core';

type Core = ReturnType<typeof freshCore>;

const seededOn = '2026-11-20T10:00:00Z';
/** The clock the seed wrote its reminders by: a core on today's clock would rightly raise new ones. */
const bookCore = (): Core => freshCore({ now: fixedClock(seededOn).now });

const exportAll = async (core: Core): Promise<string> => {
  const [file] = await callOk(core, 'export-run', { what: 'all', format: 'json', folder: tempDir(), fileName: 'all.json' });
  return readFileSync(file!.path, 'utf8');
};

const seeded = (core: Core, customers = 40, visits = 300) =>
  seedBook(core.db, { customers, visits, seed: 7, days: 200, now: new Date(seededOn) });

const pathSource = (file: string) => ({ kind: 'path' as const, path: file });

const job = { report: () => undefined, cancelled: false, projectRoot: undefined, giveWay: () => undefined, afterwards: (work: () => void) => work() };

describe('backup and restore', () => {
  it('round trip: seed → encrypted backup → restore into an empty data folder → byte-identical JSON export', async () => {
    const original = bookCore();
    seeded(original, 60, 400);
    const run = await callOk(original, 'backup-create', { folder: tempDir('regulars-backups-'), passphrase: 'correct horse battery' });
    expect(run).toMatchObject({ ok: true, encrypted: true, counts: { customers: 60 } });
    expect(path.extname(run.file)).toBe('.regulars-backup');
    const before = await exportAll(original);

    const empty = bookCore();
    const header = await callOk(empty, 'restore-read', { source: pathSource(run.file) });
    expect(header).toMatchObject({ encrypted: true, verified: false, counts: { customers: 60, visits: expect.any(Number) } });
    const prepared = await callOk(empty, 'restore-prepare', { source: pathSource(run.file), passphrase: 'correct horse battery' });
    expect(prepared).toMatchObject({ contents: { verified: true, counts: { customers: 60 } }, current: { counts: { customers: 0 } } });
    await callOk(empty, 'restore-confirm', { preparedId: prepared.preparedId });
    expect(await exportAll(empty)).toBe(before);
  });

  it('a backup is SQLite’s own copy, checked: it opens as a sound book with the same rows', async () => {
    const core = bookCore();
    seeded(core);
    const run = await callOk(core, 'backup-create', { folder: tempDir() });
    const restored = bookCore();
    const prepared = await callOk(restored, 'restore-prepare', { source: pathSource(run.file), passphrase: null });
    await callOk(restored, 'restore-confirm', { preparedId: prepared.preparedId });
    expect(restored.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(restored.db.prepare('SELECT count(*) FROM visits').pluck().get()).toBe(core.db.prepare('SELECT count(*) FROM visits').pluck().get());
  });

  it('restore can be undone: the book comes back exactly as it was before the restore', async () => {
    const core = bookCore();
    seeded(core);
    const run = await callOk(core, 'backup-create', { folder: tempDir() });
    await callOk(core, 'customers-create', { name: '新來的客人', phones: ['0912000999'] });
    const beforeRestore = await exportAll(core);

    const prepared = await callOk(core, 'restore-prepare', { source: pathSource(run.file), passphrase: null });
    expect(prepared.current.counts.customers).toBe(prepared.contents.counts.customers! + 1);
    const restore = await callOk(core, 'restore-confirm', { preparedId: prepared.preparedId });
    expect((await callOk(core, 'customers-search', { query: '新來的' })).rows).toEqual([]);
    expect(existsSync(restore.undoFile)).toBe(true);
    expect(restore.undoFile.startsWith(path.join(core.info.dataDir, 'restore-undo'))).toBe(true);
    expect((await callOk(core, 'backup-status', {})).lastRestore).toMatchObject({ id: restore.id, undoneAt: null, kind: 'restore', of: null });

    await callOk(core, 'restore-undo', {});
    expect(await exportAll(core)).toBe(beforeRestore);
    // The undo is told as one, of that restore; undoing it puts the restore back, and undoing that undoes the restore again.
    expect((await callOk(core, 'backup-status', {})).lastRestore).toMatchObject({ kind: 'undo', of: restore.restoredAt });
    await callOk(core, 'restore-undo', {});
    expect((await callOk(core, 'backup-status', {})).lastRestore).toMatchObject({ kind: 'redo', of: restore.restoredAt });
    expect((await callOk(core, 'customers-search', { query: '新來的' })).rows).toEqual([]);
    await callOk(core, 'restore-undo', {});
    expect((await callOk(core, 'backup-status', {})).lastRestore).toMatchObject({ kind: 'undo', of: restore.restoredAt });
    expect(await exportAll(core)).toBe(beforeRestore);
    expect((await callOk(core, 'customers-search', { query: '新來的' })).rows.map((row) => row.name)).toEqual(['新來的客人']);
    expect(core.db.prepare("SELECT action FROM audit_log WHERE entity = 'book' ORDER BY at, id").pluck().all()).toEqual(['book.restore', 'book.restore-undo', 'book.restore-undo', 'book.restore-undo']);
  });

  it('a restore waits for no sync session: refused while another device syncs with this one, and sessions wait while it runs', async () => {
    const core = bookCore();
    seeded(core);
    const run = await callOk(core, 'backup-create', { folder: tempDir() });
    await callOk(core, 'customers-create', { name: '新來的客人', phones: ['0912000999'] });
    const prepared = await callOk(core, 'restore-prepare', { source: pathSource(run.file), passphrase: null });
    // A device's session served by this one holds its turn, as the serving thread takes it.
    const session = await core.sync.takeTurn();
    expect(await core.call('restore-confirm', { preparedId: prepared.preparedId })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', details: { reason: 'sync_running' } },
    });
    expect((await callOk(core, 'customers-search', { query: '新來的' })).rows).toHaveLength(1);
    session();
    await callOk(core, 'restore-confirm', { preparedId: prepared.preparedId });
    expect((await callOk(core, 'customers-search', { query: '新來的' })).rows).toEqual([]);

    // While a restore holds the book, a session asking for its turn waits until the restore lets go; the status does not say "syncing".
    const hold = expectOk(await core.sync.holdForRestore());
    let granted = false;
    const waiting = core.sync.takeTurn().then((release) => {
      granted = true;
      release();
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(granted).toBe(false);
    expect(core.sync.status().syncing).toBe(false);
    hold();
    await waiting;
    expect(granted).toBe(true);
  });

  it('nothing to undo is said plainly', async () => {
    expect(await bookCore().call('restore-undo', {})).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', details: { reason: 'nothing_to_undo' } } });
  });

  it('keeps this computer’s backup settings and history across a restore', async () => {
    const core = bookCore();
    const folder = tempDir();
    const run = await callOk(core, 'backup-create', { folder });
    await callOk(core, 'backup-settings-update', { folder, keepDaily: 3 });
    await callOk(core, 'backup-create', {});
    const prepared = await callOk(core, 'restore-prepare', { source: pathSource(run.file), passphrase: null });
    await callOk(core, 'restore-confirm', { preparedId: prepared.preparedId });
    const status = await callOk(core, 'backup-status', {});
    expect(status.settings).toMatchObject({ folder, keepDaily: 3 });
    expect(status.recent).toHaveLength(2);
  });

  it('restores a backup made by an older version, upgrading it', async () => {
    const dir = tempDir();
    const old = openDatabase(bookPath(dir));
    migrate(old, () => '', migrations.filter((step) => step.version <= 2));
    old.prepare("INSERT INTO customers (id, name, name_key, created_at, updated_at, last_seen_at) VALUES ('c1', 'Ada', 'ada', 'x', 'x', 'x')").run();
    old.pragma('journal_mode = DELETE');
    old.close();
    const file = path.join(tempDir(), 'old.regulars-backup');
    await writeContainer({ snapshotFile: bookPath(dir), outFile: file, passphrase: null, facts: { bookId: 'b', appVersion: '0.0.9', schemaVersion: 2, createdAt: '2026-01-01T00:00:00.000Z', shopName: '', automatic: false, counts: { customers: 1 } } }, job);
    const core = bookCore();
    const prepared = await callOk(core, 'restore-prepare', { source: pathSource(file), passphrase: null });
    expect(prepared.contents.schemaVersion).toBe(2);
    await callOk(core, 'restore-confirm', { preparedId: prepared.preparedId });
    expect(core.info.schemaVersion).toBe(latestSchemaVersion);
    expect((await callOk(core, 'customers-search', { query: 'Ada' })).rows.map((row) => row.name)).toEqual(['Ada']);
  });

  it('restores backups written in formats 1 (description first) and 2 (not compressed), plain and encrypted, as earlier versions of the app made them', async () => {
    const core = bookCore();
    seeded(core);
    const before = await exportAll(core);
    const snapshot = path.join(tempDir(), 'snapshot.db');
    await core.db.backup(snapshot);
    const payload = readFileSync(snapshot);
    const olderFormat = async (formatVersion: 1 | 2, passphrase: string | null): Promise<string> => {
      const salt = randomBytes(16);
      const iv = randomBytes(12);
      const keys = passphrase === null ? null : await deriveKeys(passphrase, salt, defaultScryptParams);
      const header = Buffer.from(
        JSON.stringify({
          format: 'regulars-backup',
          formatVersion,
          bookId: 'b',
          appVersion: '0.1.0',
          schemaVersion: latestSchemaVersion,
          createdAt: '2026-11-20T10:00:00.000Z',
          shopName: '',
          automatic: false,
          counts: {},
          payloadBytes: payload.length,
          encryption: keys && { cipher: 'aes-256-gcm', iv: iv.toString('base64'), kdf: { name: 'scrypt', ...defaultScryptParams, salt: salt.toString('base64') }, keyCheck: keys.keyCheck.toString('base64') },
        }),
      );
      const length = Buffer.alloc(4);
      length.writeUInt32BE(header.length);
      // Format 1: magic | length | header | payload | seal. Format 2: payload | seal | header | length | magic.
      const description = formatVersion === 1 ? Buffer.concat([containerMagic, length, header]) : Buffer.concat([header, length, containerMagic]);
      let body: Buffer[];
      if (keys === null) body = [payload, createHash('sha256').update(description).update(payload).digest()];
      else {
        const cipher = createCipheriv('aes-256-gcm', keys.encryptionKey, iv).setAAD(description);
        body = [cipher.update(payload), cipher.final(), cipher.getAuthTag()];
      }
      const file = path.join(tempDir(), `format-${formatVersion}-${passphrase === null ? 'plain' : 'encrypted'}.regulars-backup`);
      writeFileSync(file, Buffer.concat(formatVersion === 1 ? [description, ...body] : [...body, description]));
      return file;
    };
    for (const formatVersion of [1, 2] as const) {
      for (const passphrase of [null, 'correct horse battery']) {
        const restored = bookCore();
        const prepared = await callOk(restored, 'restore-prepare', { source: pathSource(await olderFormat(formatVersion, passphrase)), passphrase });
        expect(prepared.contents).toMatchObject({ verified: true, encrypted: passphrase !== null });
        await callOk(restored, 'restore-confirm', { preparedId: prepared.preparedId });
        expect(await exportAll(restored)).toBe(before);
      }
    }
  });

  it('writes format 3: the book compressed (then encrypted when asked), a fraction of its size, and restores it row for row', async () => {
    const core = bookCore();
    seeded(core, 300, 3000);
    const before = await exportAll(core);
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    const bookBytes = statSync(core.info.bookFile).size;
    for (const passphrase of [null, 'correct horse battery']) {
      const run = await callOk(core, 'backup-create', { folder: tempDir(), ...(passphrase === null ? {} : { passphrase }) });
      const bytes = readFileSync(run.file);
      // The description at the end names format 3 and the size of the book it holds.
      const headerLength = bytes.readUInt32BE(bytes.length - 12);
      const header = JSON.parse(bytes.subarray(bytes.length - 12 - headerLength, bytes.length - 12).toString('utf8')) as { formatVersion: number; compression: { bookBytes: number } };
      expect(header.formatVersion).toBe(3);
      expect(header.compression.bookBytes).toBeGreaterThan(0);
      expect(run.sizeBytes).toBe(bytes.length);
      expect(bytes.length).toBeLessThan(bookBytes / 2);
      // Not the book's pages as they are: compressed (and, with a passphrase, not even its text).
      expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
      const restored = bookCore();
      const prepared = await callOk(restored, 'restore-prepare', { source: pathSource(run.file), passphrase });
      expect(prepared.contents).toMatchObject({ verified: true, encrypted: passphrase !== null, counts: { customers: 300 } });
      await callOk(restored, 'restore-confirm', { preparedId: prepared.preparedId });
      expect(restored.db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(await exportAll(restored)).toBe(before);
    }
  });

  it('refuses a backup from a newer version with a clear message, and changes nothing', async () => {
    const dir = tempDir();
    const newer = openDatabase(bookPath(dir));
    migrate(newer, () => '');
    newer.pragma(`user_version = ${latestSchemaVersion + 1}`);
    newer.pragma('journal_mode = DELETE');
    newer.close();
    const file = path.join(tempDir(), 'newer.regulars-backup');
    await writeContainer({ snapshotFile: bookPath(dir), outFile: file, passphrase: null, facts: { bookId: 'b', appVersion: '9.0.0', schemaVersion: latestSchemaVersion + 1, createdAt: '2030-01-01T00:00:00.000Z', shopName: '', automatic: false, counts: {} } }, job);
    const core = bookCore();
    await callOk(core, 'customers-create', { name: 'Ada' });
    const before = await exportAll(core);
    expect(await core.call('restore-prepare', { source: pathSource(file), passphrase: null })).toMatchObject({
      ok: false,
      error: { code: 'BOOK_NEWER_VERSION', details: { bookVersion: latestSchemaVersion + 1, appVersion: latestSchemaVersion } },
    });
    expect(await exportAll(core)).toBe(before);
  });
});

describe('broken or foreign backups: a clear message, and the book exactly as it was', () => {
  const makeBackup = async (passphrase: string | null) => {
    const source = bookCore();
    seeded(source, 10, 50);
    return (await callOk(source, 'backup-create', { folder: tempDir(), passphrase })).file;
  };

  const damaged = (file: string, at: (size: number) => number) => {
    const copy = path.join(tempDir(), path.basename(file));
    copyFileSync(file, copy);
    const bytes = readFileSync(copy);
    const position = at(bytes.length);
    bytes[position] = bytes[position]! ^ 0x01;
    writeFileSync(copy, bytes);
    return copy;
  };

  it.each([
    ['a wrong passphrase', true, (file: string) => file, 'wrong passphrase', 'wrong_passphrase'],
    ['an encrypted backup without its passphrase', true, (file: string) => file, null, 'passphrase_needed'],
    ['one bit changed in the encrypted payload', true, (file: string) => damaged(file, (size) => size - 5000), 'right passphrase', 'damaged'],
    ['one bit changed in the header of an encrypted backup', true, (file: string) => damaged(file, () => 40), 'right passphrase', 'damaged'],
    ['one bit changed in a plain backup', false, (file: string) => damaged(file, (size) => Math.floor(size / 2)), null, 'damaged'],
    ['a truncated backup', false, (file: string) => {
      const copy = path.join(tempDir(), 'cut.regulars-backup');
      copyFileSync(file, copy);
      truncateSync(copy, Math.floor(statSync(copy).size / 2));
      return copy;
    }, null, 'truncated'],
    ['random bytes', false, () => {
      const file = path.join(tempDir(), 'noise.regulars-backup');
      writeFileSync(file, Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 31 + 7) % 256)));
      return file;
    }, null, 'not_a_backup'],
    ['an empty file', false, () => {
      const file = path.join(tempDir(), 'empty.regulars-backup');
      writeFileSync(file, '');
      return file;
    }, null, 'empty'],
  ])('%s', async (_label, encrypted, spoil, passphrase, reason) => {
    const file = spoil(await makeBackup(encrypted ? 'right passphrase' : null));
    const core = bookCore();
    await callOk(core, 'customers-create', { name: '王小明' });
    const before = await exportAll(core);
    const prepared = await core.call('restore-prepare', { source: pathSource(file), passphrase });
    expect(prepared).toMatchObject({ ok: false, error: { code: 'FILE_REFUSED', details: { reason, name: path.basename(file) } } });
    expect(await exportAll(core)).toBe(before);
    const staging = path.join(core.info.dataDir, '.staging');
    expect(existsSync(staging) ? readdirSync(staging).filter((name) => name.startsWith('prepared')) : []).toEqual([]);
  });

  it('a restore that was not prepared (or was prepared before another) is refused', async () => {
    const core = bookCore();
    expect(await core.call('restore-confirm', { preparedId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', details: { reason: 'restore_not_prepared' } },
    });
  });
});

describe('backup status and automatic backups', () => {
  it('reports the last good backup; a failure stays until a backup succeeds', async () => {
    const core = bookCore();
    await callOk(core, 'customers-create', { name: 'Ada' });
    expect(await callOk(core, 'backup-status', {})).toMatchObject({ lastGood: null, overdue: true, failuresSinceGood: [] });
    const missing = path.join(tempDir(), 'usb-stick-not-plugged-in');
    expect(await core.call('backup-create', { folder: missing })).toMatchObject({ ok: false, error: { code: 'FILE_REFUSED', details: { reason: 'not_found' } } });
    const failed = await callOk(core, 'backup-status', {});
    expect(failed.failuresSinceGood).toHaveLength(1);
    expect(failed.failuresSinceGood[0]?.failure).toMatchObject({ code: 'FILE_REFUSED', details: { reason: 'not_found' } });
    const good = await callOk(core, 'backup-create', { folder: tempDir() });
    expect(await callOk(core, 'backup-status', {})).toMatchObject({ lastGood: { id: good.id, ok: true }, failuresSinceGood: [], overdue: false });
  });

  it('warns when the last good backup is older than the schedule allows', async () => {
    const clock = fixedClock('2026-11-20T10:00:00Z');
    const core = freshCore({ now: clock.now });
    await callOk(core, 'customers-create', { name: 'Ada' });
    await callOk(core, 'backup-create', { folder: tempDir() });
    clock.set('2026-11-21T20:00:00Z');
    expect((await callOk(core, 'backup-status', {})).overdue).toBe(false);
    clock.set('2026-11-22T11:00:00Z');
    expect((await callOk(core, 'backup-status', {})).overdue).toBe(true);
  });

  it('backs up automatically at most once a day, rotates, and on quit only after changes', async () => {
    const clock = fixedClock('2026-11-01T02:00:00Z');
    const core = freshCore({ now: clock.now });
    await callOk(core, 'settings-update', { timeZone: 'Asia/Taipei' });
    const folder = tempDir();
    expect(await core.backups.runIfDue()).toBeNull();
    await callOk(core, 'backup-settings-update', { folder, keepDaily: 3, keepWeekly: 2 });
    const automatic = () => readdirSync(folder).filter((name) => name.includes('-auto-')).sort();
    for (let day = 1; day <= 20; day += 1) {
      clock.set(`2026-11-${String(day).padStart(2, '0')}T02:00:00Z`);
      expect(expectOk((await core.backups.runIfDue())!)).toMatchObject({ ok: true, startedBy: 'automatic' });
      clock.set(`2026-11-${String(day).padStart(2, '0')}T08:00:00Z`);
      expect(await core.backups.runIfDue()).toBeNull();
    }
    // 3 daily (18th–20th) and the newest of the 2 latest weeks (the 20th falls in the week of the 16th; the 15th ends the week before).
    expect(automatic().map((name) => name.match(/auto-2026-11-(\d\d)/)?.[1])).toEqual(['15', '18', '19', '20']);

    const manual = await callOk(core, 'backup-create', {});
    expect(existsSync(manual.file)).toBe(true);
    await core.backUpBeforeQuit();
    expect(automatic()).toHaveLength(4);
    await callOk(core, 'customers-create', { name: 'Ada' });
    clock.set('2026-11-20T12:00:00Z');
    await core.backUpBeforeQuit();
    const afterQuit = automatic();
    expect(afterQuit).toHaveLength(4);
    expect(afterQuit.at(-1)).toMatch(/auto-2026-11-20_2000/);
    expect(existsSync(manual.file)).toBe(true);
  });

  it('encrypted automatic backups need the passphrase: failing loudly without it, working once it is given', async () => {
    const core = bookCore();
    const folder = tempDir();
    await callOk(core, 'backup-settings-update', { folder, encrypt: true });
    expect((await core.backups.runIfDue())?.ok).toBe(false);
    const status = await callOk(core, 'backup-status', {});
    expect(status.failuresSinceGood[0]).toMatchObject({ startedBy: 'automatic', failure: { code: 'INVALID_STATE', details: { reason: 'passphrase_not_remembered' } } });
    const settings = await callOk(core, 'backup-settings-update', { passphrase: 'long enough phrase' });
    expect(settings).toMatchObject({ passphraseKept: 'this_session', keychainAvailable: false });
    const run = await callOk(core, 'backup-create', {});
    expect(run.encrypted).toBe(true);
    expect(JSON.stringify(core.db.prepare('SELECT * FROM backup_settings').all())).not.toContain('long enough phrase');
  });

  it('keeps a remembered passphrase only through the keychain it is given', async () => {
    const sealed: string[] = [];
    const keychain = { seal: (secret: string) => (sealed.push(secret), `sealed:${Buffer.from(secret).toString('base64')}`), unseal: (text: string) => Buffer.from(text.slice(7), 'base64').toString() };
    const core = freshCore({ keychain });
    const settings = await callOk(core, 'backup-settings-update', { folder: tempDir(), encrypt: true, passphrase: 'long enough phrase' });
    expect(settings.passphraseKept).toBe('keychain');
    expect(sealed).toEqual(['long enough phrase']);
    expect((await callOk(core, 'backup-create', {})).encrypted).toBe(true);
  });

  it('records manual backups, restores and exports in the audit log', async () => {
    const core = bookCore();
    await callOk(core, 'backup-create', { folder: tempDir() });
    await exportAll(core);
    expect(core.db.prepare('SELECT action FROM audit_log ORDER BY at, id').pluck().all()).toEqual(['backup.create', 'export.run']);
  });
});
