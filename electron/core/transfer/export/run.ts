import { mkdir, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import Papa from 'papaparse';
import type { ExportedFile, ExportFormat, ExportKind } from '../../../../shared/contract/transfer';
import { transferMessages } from '../../../../shared/i18n/transfer';
import type { Language } from '../../../../shared/locale';
import { ok, type Result } from '../../../../shared/result';
import { localDay } from '../../../../shared/time';
import { openDatabase, type Db } from '../../db/connection';
import { schemaVersionOf } from '../../db/migrate';
import { fileNameSafe, refusalForFsError, refuseFolder } from '../../files';
import { JobCancelled, type JobContext } from '../../jobs';
import { currentSettings } from '../../settings';
import { listWorkbook, type ListCell } from '../sheet';
import type { CsvContext, ExportTable } from './table';
import { exportTableOf, exportTables } from './tables';

export interface ExportJobInput {
  bookFile: string;
  what: ExportKind | 'all';
  format: ExportFormat;
  folder: string;
  fileName: string | null;
  language: Language;
  now: string;
}

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark. */
const utf8Bom = '\uFEFF';
/** Cells a spreadsheet would run as a formula get a leading apostrophe (CSV injection). */
const formulaStart = /^[=+\-@\t\r]/;
const rowsPerChunk = 2000;

/** Writes in large pieces to a ".partial" file that takes its real name only when complete. */
class OutputFile {
  private pending: string[] = [];
  private pendingLength = 0;
  bytes = 0;
  private finished = false;

  private constructor(
    private readonly handle: FileHandle,
    readonly partial: string,
    readonly file: string,
  ) {}

  static async create(file: string): Promise<OutputFile> {
    const partial = `${file}.partial`;
    return new OutputFile(await open(partial, 'w'), partial, file);
  }

  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingLength += text.length;
    if (this.pendingLength > 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    const buffer = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingLength = 0;
    this.bytes += buffer.length;
    await this.handle.write(buffer);
  }

  async writeBytes(bytes: Uint8Array): Promise<void> {
    await this.flush();
    this.bytes += bytes.length;
    await this.handle.write(bytes);
  }

  async finish(): Promise<void> {
    await this.flush();
    await this.handle.sync();
    await this.handle.close();
    await rename(this.partial, this.file);
    this.finished = true;
  }

  /** After a failure or a cancel: no file of this export is left behind, finished or not. */
  async abandon(): Promise<void> {
    await this.handle.close().catch(() => undefined);
    await rm(this.partial, { force: true });
    if (this.finished) await rm(this.file, { force: true });
  }
}

const csvLines = (rows: string[][]): string =>
  `${Papa.unparse(rows, { newline: '\r\n', escapeFormulae: formulaStart, header: false })}\r\n`;

const writeCsv = async (db: Db, table: ExportTable, out: OutputFile, context: CsvContext, job: JobContext, total: number, today: string): Promise<number> => {
  const columns = table.csv ?? [];
  await out.write(utf8Bom + csvLines([columns.map((column) => column.header(context.words))]));
  let rows = 0;
  let chunk: string[][] = [];
  for (const row of table.rows(db, today)) {
    chunk.push(columns.map((column) => column.value(row, context)));
    rows += 1;
    if (chunk.length === rowsPerChunk) {
      if (job.cancelled) throw new JobCancelled();
      await out.write(csvLines(chunk));
      chunk = [];
      job.report(table.name, rows, total);
    }
  }
  if (chunk.length > 0) await out.write(csvLines(chunk));
  return rows;
};

/** A column's value as a workbook cell: a number column's plain decimal ("1280.50") as that number, with its decimals shown. */
const sheetCell = (value: string, number: boolean): ListCell => {
  if (!number || value === '') return value;
  return { number: Number(value), decimals: value.split('.')[1]?.length ?? 0 };
};

/**
 * The same columns as the CSV, as an Excel workbook (`listWorkbook`, as the screens' call lists):
 * one sheet, headers in the chosen language, counts and amounts as numbers, the rest text. The
 * workbook is built in memory; a customer list fits.
 */
const writeXlsx = async (db: Db, table: ExportTable, out: OutputFile, context: CsvContext, job: JobContext, total: number, today: string): Promise<number> => {
  const columns = table.csv ?? [];
  const sheet: ListCell[][] = [columns.map((column) => column.header(context.words))];
  for (const row of table.rows(db, today)) {
    sheet.push(columns.map((column) => sheetCell(column.value(row, context), column.number === true)));
    if (sheet.length % rowsPerChunk === 0) {
      if (job.cancelled) throw new JobCancelled();
      job.report(table.name, sheet.length - 1, total);
    }
  }
  await out.writeBytes(await listWorkbook(sheet, context.words.sheetNames[table.name as ExportKind] ?? table.name));
  return sheet.length - 1;
};

/** One JSON object per line inside fixed framing: the same book always gives the same bytes, and diffs read well. */
const writeJson = async (db: Db, tables: readonly ExportTable[], out: OutputFile, job: JobContext, withSettings: boolean, today: string): Promise<number> => {
  const total = tables.reduce((sum, table) => sum + table.count(db), 0);
  const settings = currentSettings({ db });
  await out.write(`{\n  "format": "regulars-export",\n  "formatVersion": 1,\n  "schemaVersion": ${schemaVersionOf(db)},\n`);
  if (withSettings) await out.write(`  "settings": ${JSON.stringify(settings)},\n`);
  await out.write('  "tables": {');
  let rows = 0;
  for (const [index, table] of tables.entries()) {
    await out.write(`${index === 0 ? '' : ','}\n    ${JSON.stringify(table.name)}: [`);
    let first = true;
    for (const row of table.rows(db, today)) {
      await out.write(`${first ? '' : ','}\n      ${JSON.stringify(table.json(row))}`);
      first = false;
      rows += 1;
      if (rows % rowsPerChunk === 0) {
        if (job.cancelled) throw new JobCancelled();
        job.report(table.name, rows, total);
      }
    }
    await out.write(first ? ']' : '\n    ]');
  }
  await out.write('\n  }\n}\n');
  return rows;
};

/** Writes the export; files appear under their names only once complete. */
export const runExport = async (input: ExportJobInput, job: JobContext): Promise<Result<ExportedFile[]>> => {
  const tables = input.what === 'all' ? exportTables.filter((table) => input.format === 'json' || table.csv !== null) : [exportTableOf[input.what]];
  try {
    await mkdir(input.folder, { recursive: true });
    if (!(await stat(input.folder)).isDirectory()) return refuseFolder('not_a_folder', input.folder);
  } catch (caught) {
    const refusal = refusalForFsError(caught, input.folder, true, true);
    if (refusal) return refusal;
    throw caught;
  }
  const db = openDatabase(input.bookFile, { readonly: true, projectRoot: job.projectRoot });
  const written: OutputFile[] = [];
  try {
    const settings = currentSettings({ db });
    const day = localDay(input.now, settings.timeZone);
    const shop = fileNameSafe(settings.shopName) || 'regulars';
    const nameFor = (kind: string, extension: string) => input.fileName ?? `${shop}-${kind}-${day}.${extension}`;
    const files: ExportedFile[] = [];
    if (input.format === 'json') {
      const out = await OutputFile.create(path.join(input.folder, nameFor(input.what, 'json')));
      written.push(out);
      const rows = await writeJson(db, tables, out, job, input.what === 'all', day);
      await out.finish();
      files.push({ path: out.file, kind: input.what, rows, bytes: out.bytes });
    } else {
      const context: CsvContext = { language: input.language, words: transferMessages[input.language], timeZone: settings.timeZone, currency: settings.currency };
      for (const table of tables) {
        const extension = input.format;
        const out = await OutputFile.create(path.join(input.folder, input.what === 'all' ? `${shop}-${table.name}-${day}.${extension}` : nameFor(table.name, extension)));
        written.push(out);
        const write = input.format === 'xlsx' ? writeXlsx : writeCsv;
        const rows = await write(db, table, out, context, job, table.count(db), day);
        await out.finish();
        files.push({ path: out.file, kind: table.name as ExportKind, rows, bytes: out.bytes });
      }
    }
    return ok(files);
  } catch (caught) {
    for (const out of written) await out.abandon();
    const refusal = refusalForFsError(caught, input.folder, true, true);
    if (refusal) return refusal;
    throw caught;
  } finally {
    db.close();
  }
};
