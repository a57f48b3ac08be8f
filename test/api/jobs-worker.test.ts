import { closeSync, existsSync, openSync, readdirSync, readSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JobProgress } from '../../shared/contract/jobs';
import { passInSteps, rebuildDerived } from '../../electron/core/derive';
import { seedBook } from '../../electron/core/seed/seed';
import { callOk, fixedClock, freshCore, tempDir } from '../support/core';
import { derivedState } from '../support/derived-state';
import { importPlanOf } from '../support/result';

/** The bundled worker the desktop app and browser mode use; `npm test` builds it first. */
const workerFile = path.resolve('dist/worker/jobs.cjs');

const spreadsheet = (rows: number): string => {
  const file = path.join(tempDir('regulars-worker-'), 'customers.csv');
  const lines = ['姓名,手機,標籤', ...Array.from({ length: rows }, (_, i) => `客人${i},09${String(30_000_000 + i)},VIP`)];
  writeFileSync(file, `\uFEFF${lines.join('\r\n')}`);
  return file;
};

const withWorker = (options: Parameters<typeof freshCore>[0] = {}) => {
  expect(existsSync(workerFile), 'dist/worker/jobs.cjs is built by `npm test` (node build/scripts/build.mjs)').toBe(true);
  return freshCore({ jobWorkerFile: workerFile, projectRoot: process.cwd(), ...options });
};

/** The next morning's clock for a book from yesterday (never moved: each test reads it only). */
const morning = fixedClock('2026-03-11T01:00:00.000Z');
/** A seeded book last open yesterday evening: opened at `morning`, its figures are a day behind. */
const bookFromYesterday = (seed: Omit<Parameters<typeof seedBook>[1], 'now'>): string => {
  const dataDir = tempDir('regulars-morning-');
  const evening = fixedClock('2026-03-10T11:00:00.000Z');
  const yesterday = freshCore({ dataDir, now: evening.now });
  seedBook(yesterday.db, { ...seed, now: evening.now() });
  yesterday.close();
  return dataDir;
};

const planFor = async (core: ReturnType<typeof freshCore>, file: string) => {
  const source = { kind: 'path' as const, path: file };
  return importPlanOf(source, await callOk(core, 'import-analyse', { source }));
};

/**
 * Damage only SQLite's quick_check finds: the book's free pages (a dropped table's) listed wrong.
 * Every read still answers, so a backup that skipped the check would seal the damaged book.
 */
const damageFreelist = (core: ReturnType<typeof freshCore>): void => {
  core.db.exec('CREATE TABLE scratch (x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50) INSERT INTO scratch SELECT randomblob(3000) FROM n; DROP TABLE scratch;');
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  const book = openSync(core.info.bookFile, 'r+');
  try {
    const header = Buffer.alloc(100);
    readSync(book, header, 0, header.length, 0);
    const pageSize = header.readUInt16BE(16);
    const firstTrunk = header.readUInt32BE(32);
    expect(firstTrunk).toBeGreaterThan(0);
    const beyondTheBook = Buffer.alloc(4);
    beyondTheBook.writeUInt32BE(0x7fff_ffff);
    writeSync(book, beyondTheBook, 0, 4, (firstTrunk - 1) * pageSize + 8);
  } finally {
    closeSync(book);
  }
};

describe('long jobs in the worker thread', () => {
  it('fits the value model in the worker while the counter keeps logging visits', { timeout: 180_000 }, async () => {
    const core = withWorker();
    seedBook(core.db, { customers: 300, visits: 3000, seed: 4, days: 300, now: new Date() });
    const ada = await callOk(core, 'customers-create', { name: 'Ada' });
    const fitting = core.call('loyalty-value-fit', {});
    const logged = await core.call('visits-log', { customerId: ada.id, amountMinor: 1200 });
    expect(logged.ok).toBe(true);
    expect(await fitting).toMatchObject({ ok: true, value: { basis: 'model' } });
    expect((await callOk(core, 'loyalty-customer', { id: ada.id })).value.inputs?.visitDays).toBe(1);
    expect(core.db.prepare('SELECT count(*) FROM customer_loyalty WHERE value_lifetime_minor IS NOT NULL').pluck().get()).toBeGreaterThan(250);
  });

  it('recomputes the whole book in short steps while the counter logs visits, and ends as a full rebuild would', { timeout: 180_000 }, async () => {
    const core = withWorker();
    const now = new Date();
    seedBook(core.db, { customers: 2500, visits: 12_000, seed: 9, days: 400, now });
    const ids = core.db.prepare('SELECT id FROM customers WHERE archived_at IS NULL ORDER BY rid').pluck().all() as string[];
    const logs: Promise<unknown>[] = [];
    const steps: number[] = [];
    const stop = core.events.on('job-progress', (event) => {
      if (event.kind !== 'recompute' || event.phase !== 'customers') return;
      steps.push(event.done);
      // One customer before the chunk in progress, one after it: both orders must end right.
      for (const customerId of [ids[0], ids[ids.length - 1]]) logs.push(core.call('visits-log', { customerId: customerId as string, amountMinor: 4200 }));
    });
    const pass = await callOk(core, 'loyalty-recompute', {});
    stop();
    expect(pass.customers).toBe(ids.length);
    expect(steps.length).toBeGreaterThan(0);
    const answers = await Promise.all(logs);
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) expect(answer).toMatchObject({ ok: true });
    const afterPass = derivedState(core.db);
    core.db.exec('SAVEPOINT check_rebuild');
    rebuildDerived({ db: core.db, now: () => new Date() });
    const rebuilt = derivedState(core.db);
    core.db.exec('ROLLBACK TO check_rebuild; RELEASE check_rebuild');
    expect(afterPass).toEqual(rebuilt);
  });

  it('opens a book from another day at once, and catches its figures up in the worker', { timeout: 180_000 }, async () => {
    const dataDir = bookFromYesterday({ customers: 1500, visits: 9000, seed: 5, days: 300 });
    const finished = new Promise<void>((resolve) => {
      const core = withWorker({ dataDir, now: morning.now });
      // The book answers before the pass ends: the catch-up is a background job, not part of opening.
      expect(core.jobs.list()).toEqual([expect.objectContaining({ kind: 'recompute' })]);
      expect(passInSteps({ db: core.db, now: morning.now }, 'catch-up').length).toBeGreaterThan(0);
      core.events.on('data-changed', ({ handler }) => {
        if (handler !== 'derived-caught-up') return;
        expect(passInSteps({ db: core.db, now: morning.now }, 'catch-up')).toEqual([]);
        resolve();
      });
    });
    await finished;
  });

  it("a backup asked for during the morning's catch-up waits for the pass, and the pass never waits for it", { timeout: 120_000 }, async () => {
    const dataDir = bookFromYesterday({ customers: 200, visits: 1000, seed: 6, days: 60 });
    const core = withWorker({ dataDir, now: morning.now });
    expect(core.jobs.list()).toEqual([expect.objectContaining({ kind: 'recompute' })]);
    const steps = passInSteps({ db: core.db, now: morning.now }, 'catch-up').length;
    // Asked once the pass is at work in its worker (it reports its first step there).
    await new Promise<void>((resolve) => {
      const stop = core.events.on('job-progress', (progress) => {
        if (progress.kind !== 'recompute' || progress.total === 0) return;
        stop();
        resolve();
      });
    });
    const asked = Date.now();
    expect(await core.call('backup-create', { folder: tempDir() })).toMatchObject({ ok: true, value: { ok: true, counts: { customers: 200 } } });
    // The pass ran to its end first. Each of its steps used to give way to the backup (a write at the
    // counter) while the backup waited for the pass: the worker's longest give-way, 5 s, every step.
    expect(passInSteps({ db: core.db, now: morning.now }, 'catch-up')).toEqual([]);
    expect(steps).toBeGreaterThan(2);
    expect(Date.now() - asked).toBeLessThan(5_000);
  });

  it('imports with progress while the book stays readable, and other writes are told it is busy', { timeout: 180_000 }, async () => {
    const core = withWorker();
    const existing = await callOk(core, 'customers-create', { name: 'Ada', phones: ['0911000000'] });
    const plan = await planFor(core, spreadsheet(8000));
    const progress: JobProgress[] = [];
    let duringImport: { write?: unknown; read?: unknown } = {};
    const stop = core.events.on('job-progress', (event) => {
      progress.push(event);
      if (event.phase === 'customers' && duringImport.write === undefined) {
        duringImport = { write: null, read: null };
        void core.call('customers-update', { id: existing.id, fields: { name: 'Ada L.' } }).then((result) => (duringImport.write = result));
        void core.call('customers-get', { id: existing.id }).then((result) => (duringImport.read = result));
      }
    });
    const outcome = await callOk(core, 'import-commit', plan);
    stop();
    expect(outcome.created).toBe(8000);
    expect(duringImport.write).toMatchObject({ ok: false, error: { code: 'BOOK_BUSY' } });
    expect(duringImport.read).toMatchObject({ ok: true, value: { name: 'Ada' } });
    expect(progress.map((event) => event.phase)).toEqual(expect.arrayContaining(['read', 'check', 'customers']));
    expect((await callOk(core, 'customers-search', { query: '30007999' })).rows.map((row) => row.name)).toEqual(['客人7999']);
    expect(await callOk(core, 'jobs-list', {})).toEqual([]);
  });

  it("runs an import's commit in the worker of its analysis; one no job took ends with the core", { timeout: 180_000 }, async () => {
    const core = withWorker();
    while (core.jobs.busy) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(core.jobs.workerWaiting).toBe(false);
    const plan = await planFor(core, spreadsheet(3000));
    expect(core.jobs.workerWaiting).toBe(true);
    expect(await callOk(core, 'import-commit', plan)).toMatchObject({ created: 3000 });
    expect(core.jobs.workerWaiting).toBe(false);
    expect((await callOk(core, 'customers-search', { query: '30002999' })).rows.map((row) => row.name)).toEqual(['客人2999']);
    await planFor(core, spreadsheet(10));
    expect(core.jobs.workerWaiting).toBe(true);
    core.close();
    expect(core.jobs.workerWaiting).toBe(false);
  });

  it('never commits the file its analysis left in the worker once the file has changed; a file read another way is read afresh', { timeout: 180_000 }, async () => {
    const core = withWorker();
    const file = spreadsheet(50);
    const plan = await planFor(core, file);
    expect(core.jobs.workerWaiting).toBe(true);
    writeFileSync(file, `\uFEFF姓名,手機,標籤\r\n換了,0930000001,VIP`);
    expect(await core.call('import-commit', plan)).toMatchObject({ ok: false, error: { code: 'FILE_REFUSED', details: { reason: 'file_changed' } } });
    expect(core.db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(0);

    // Held as comma-separated; the owner then chose another separator: the cells are not those.
    const semicolons = path.join(tempDir('regulars-worker-'), 'semicolons.csv');
    writeFileSync(semicolons, '姓名;備註\r\n林美華;常客,週末\r\n');
    const source = { kind: 'path' as const, path: semicolons };
    const asCommas = await callOk(core, 'import-analyse', { source, delimiter: ',' });
    expect(asCommas.columns.map((column) => column.header)).toEqual(['姓名;備註']);
    const asSemicolons = await callOk(core, 'import-analyse', { source, delimiter: ';' });
    await callOk(core, 'import-analyse', { source, delimiter: ',' });
    expect(await callOk(core, 'import-commit', importPlanOf(source, asSemicolons))).toMatchObject({ created: 1 });
    expect(core.db.prepare('SELECT name, notes FROM customers').all()).toEqual([{ name: '林美華', notes: '常客,週末' }]);
  });

  it('commits the rows its preview checked when nothing changed between them, and checks them again for other choices', { timeout: 180_000 }, async () => {
    const core = withWorker();
    const checking: { done: number; total: number }[] = [];
    core.events.on('job-progress', (event) => {
      if (event.phase === 'check') checking.push({ done: event.done, total: event.total });
    });
    const plan = await planFor(core, spreadsheet(30));
    await callOk(core, 'import-preview', plan);
    expect(checking[0]).toEqual({ done: 0, total: 30 });
    checking.length = 0;
    expect(await callOk(core, 'import-commit', plan)).toMatchObject({ created: 30 });
    // Taken from the preview: no row was checked again.
    expect(checking).toEqual([{ done: 30, total: 30 }]);

    // Previewed with the tags read, committed without them: the commit reads the file as it was told.
    const other = await planFor(core, spreadsheet(5));
    await callOk(core, 'import-preview', other);
    checking.length = 0;
    const withoutTags = { ...other, mapping: other.mapping.map((target) => (target === 'tags' ? 'ignore' : target)), duplicates: 'create' as const };
    expect(withoutTags.mapping).toContain('ignore');
    expect(await callOk(core, 'import-commit', withoutTags)).toMatchObject({ created: 5 });
    expect(checking[0]).toEqual({ done: 0, total: 5 });
    expect(core.db.prepare("SELECT count(DISTINCT customer_id) FROM customer_tags").pluck().get()).toBe(30);
  });

  it('cancels an import cleanly: nothing written, the book as it was', { timeout: 180_000 }, async () => {
    const core = withWorker();
    const plan = await planFor(core, spreadsheet(8000));
    const schema = () => core.db.prepare("SELECT name, sql FROM sqlite_schema ORDER BY name").all();
    const before = schema();
    const stop = core.events.on('job-progress', (event) => {
      if (event.phase === 'customers' && event.cancellable) void core.call('jobs-cancel', { jobId: event.jobId });
    });
    expect(await core.call('import-commit', plan)).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', details: { reason: 'cancelled' } } });
    stop();
    expect(core.db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(0);
    expect(schema()).toEqual(before);
    await callOk(core, 'customers-create', { name: 'After the cancel' });
  });

  it('makes a verified backup in the worker, and only one long job runs at a time', { timeout: 60_000 }, async () => {
    const core = withWorker();
    await callOk(core, 'customers-create', { name: 'Ada' });
    const folder = tempDir();
    const [first, second] = await Promise.all([core.call('backup-create', { folder }), core.call('backup-create', { folder })]);
    expect(first).toMatchObject({ ok: true, value: { ok: true, counts: { customers: 1 } } });
    expect(second).toMatchObject({ ok: false, error: { code: 'INVALID_STATE', details: { reason: 'job_running' } } });
  });

  it('refuses to back up a book its check thread finds damaged, and leaves no file', { timeout: 60_000 }, async () => {
    const core = withWorker();
    await callOk(core, 'customers-create', { name: 'Ada' });
    damageFreelist(core);
    const folder = tempDir();
    expect(await core.call('backup-create', { folder })).toMatchObject({ ok: false, error: { code: 'BOOK_CORRUPT' } });
    expect(readdirSync(folder)).toEqual([]);
  });
});
