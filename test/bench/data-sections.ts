import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '../../electron/core/core';
import { openAppCore } from './app-core';
import { newId } from '../../electron/core/db/ids';
import type { Figure } from './core-sections';
import { round, summarise, timeOnce, type Timing } from './measure';
import { expectOk, importPlanOf } from '../support/result';
import { memberCsv, memberRows, memberXlsx, type MemberRow } from './spreadsheet';

const scratch = (prefix: string): string => mkdtempSync(path.join(os.tmpdir(), prefix));


/** MB as the budgets count them: 1,000,000 bytes. */
const megabytes = (bytes: number): number => round(bytes / 1e6, 1);

/** The book file on the disk, its write-ahead log folded in first: what a copy or a backup starts from. */
export const bookSizeFigure = (core: Core): Figure => {
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  const file = core.info.bookFile;
  const bytes = statSync(file).size;
  const free = (core.db.pragma('freelist_count', { simple: true }) as number) * (core.db.pragma('page_size', { simple: true }) as number);
  return { key: 'book_mb', value: megabytes(bytes), unit: 'MB', note: `the book file after a checkpoint, ${megabytes(free)} MB of it free pages` };
};

/**
 * "Back up now" on the bench book through the handler: SQLite's online backup, the integrity
 * check of the copy, compression and the file written. Raw: the online backup alone, into a plain file.
 */
export const backupFigures = async (core: Core): Promise<Figure[]> => {
  const folder = scratch('regulars-bench-backup-');
  try {
    let sizeBytes = 0;
    const handler = await timeOnce(async () => {
      const run = expectOk(await core.call('backup-create', { folder }));
      sizeBytes = run.sizeBytes;
    });
    const raw = await timeOnce(() => core.db.backup(path.join(folder, 'raw.sqlite')));
    return [
      {
        key: 'backup_ms',
        value: round(handler, 0),
        unit: 'ms',
        raw: round(raw, 0),
        note: `verified backup of the bench book; raw = SQLite online backup alone`,
      },
      { key: 'backup_file_mb', value: megabytes(sizeBytes), unit: 'MB', note: 'the .regulars-backup file that backup wrote' },
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
};

/**
 * An empty book as the app opens it. The worker's catch-up of a book opened for the first time runs
 * before the work is timed (as the main run waits for it): the figures measure the import, not the app starting.
 */
const withFreshBook = async <T>(work: (core: Core) => Promise<T>): Promise<T> => {
  const dataDir = scratch('regulars-bench-import-');
  const core = openAppCore(dataDir);
  try {
    while (core.jobs.busy) await new Promise((resolve) => setTimeout(resolve, 50));
    return await work(core);
  } finally {
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
};

/** The same customers written with plain INSERTs in one transaction (search trigger included): the floor. */
const rawInsert = (core: Core, rows: readonly MemberRow[]): void => {
  const customer = core.db.prepare(
    'INSERT INTO customers (id, name, name_key, email, email_key, notes, search_phones, created_at, updated_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const phone = core.db.prepare(
    'INSERT INTO customer_phones (customer_id, position, display, e164, match_key, national_reversed, search_digits) VALUES (?, 0, ?, ?, ?, ?, ?)',
  );
  const at = new Date().toISOString();
  core.db.transaction(() => {
    for (const row of rows) {
      const id = newId();
      const national = row.phone.slice(1);
      customer.run(id, row.name, row.name, row.email, row.email.toLowerCase(), row.note, row.phone, at, at, at);
      phone.run(id, row.phone, `+886${national}`, `886${national}`, [...national].reverse().join(''), row.phone);
    }
  })();
};

/**
 * Searches through the core, one after another, until `running` settles: the thread serving the UI
 * must keep answering while a job works in the worker.
 */
const searchWhile = async (core: Core, running: Promise<unknown>): Promise<Timing> => {
  let settled = false;
  void running.finally(() => (settled = true)).catch(() => undefined);
  const durations: number[] = [];
  while (!settled) {
    const started = performance.now();
    expectOk(await core.call('customers-search', { query: '陳', limit: 50 }));
    durations.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return summarise(durations);
};

/**
 * The same members from an Excel workbook (title row, phones stored as numbers): unzip, read the
 * sheet, then as the CSV. Raw: the same plain INSERTs as the CSV's, so the ratio shows the
 * workbook's rate against what SQLite itself does on this machine.
 */
const xlsxImportFigure = async (rows: readonly MemberRow[], folder: string, rawRate: number): Promise<Figure> => {
  const file = path.join(folder, 'members.xlsx');
  writeFileSync(file, await memberXlsx(rows));
  const seconds = await withFreshBook(async (core) => {
    const source = { kind: 'path' as const, path: file };
    return (
      (await timeOnce(async () => {
        const analysis = expectOk(await core.call('import-analyse', { source }));
        const outcome = expectOk(await core.call('import-commit', importPlanOf(source, analysis)));
        if (outcome.created !== rows.length) throw new Error(`xlsx import created ${outcome.created} of ${rows.length} customers`);
      })) / 1000
    );
  });
  return {
    key: 'import_xlsx_rows_per_s',
    value: round(rows.length / seconds, 0),
    unit: 'rows/s',
    raw: rawRate,
    note: `${rows.length.toLocaleString('en')}-row POS export as .xlsx (${round(statSync(file).size / 2 ** 20, 1)} MB) into an empty book: analyse + commit in ${round(seconds, 1)} s`,
  };
};

/**
 * A POS member export of `count` rows imported into an empty book through the handlers the Data
 * screen calls: analyse (encoding, headers, mapping), then commit. Raw: plain INSERTs of the rows.
 * Meanwhile the counter keeps searching, as it would while the owner imports.
 */
export const importFigures = async (count: number): Promise<Figure[]> => {
  const rows = memberRows(count);
  const folder = scratch('regulars-bench-csv-');
  const file = path.join(folder, 'members.csv');
  writeFileSync(file, memberCsv(rows));
  try {
    const { seconds, searches } = await withFreshBook(async (core) => {
      const source = { kind: 'path' as const, path: file };
      const importing = timeOnce(async () => {
        const analysis = expectOk(await core.call('import-analyse', { source }));
        const outcome = expectOk(await core.call('import-commit', importPlanOf(source, analysis)));
        if (outcome.created !== count) throw new Error(`import created ${outcome.created} of ${count} customers`);
      });
      const searching = await searchWhile(core, importing);
      return { seconds: (await importing) / 1000, searches: searching };
    });
    const rawSeconds = await withFreshBook(async (core) => (await timeOnce(() => rawInsert(core, rows))) / 1000);
    const rawRate = round(count / rawSeconds, 0);
    return [
      {
        key: 'import_rows_per_s',
        value: round(count / seconds, 0),
        unit: 'rows/s',
        raw: rawRate,
        note: `${count.toLocaleString('en')}-row POS export (${round(statSync(file).size / 2 ** 20, 1)} MB, UTF-8 BOM) into an empty book: analyse + commit in ${round(seconds, 1)} s`,
      },
      await xlsxImportFigure(rows, folder, rawRate),
      {
        key: 'import_search_p95_ms',
        value: round(searches.p95),
        unit: 'ms',
        note: `searches answered while the import ran in the job worker (${searches.samples}, median ${round(searches.median)} ms)`,
      },
    ];
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
};
