import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { Settings } from '../../../../shared/contract/settings';
import type { Role } from '../../../../shared/contract/define';
import type {
  ImportAnalysis,
  ImportColumn,
  ImportDelimiter,
  ImportEncoding,
  ImportFormat,
  ImportOutcome,
  ImportPhoneCountry,
  ImportPreview,
  ImportTarget,
} from '../../../../shared/contract/transfer';
import { readPhoneCountry } from '../../../../shared/phone';
import type { FileRefusal } from '../../../../shared/errors';
import { err, ok, type Result } from '../../../../shared/result';
import { suggestMapping } from '../../../../shared/transfer/headers';
import { cleanCell, writesDayFirst } from '../../../../shared/transfer/values';
import { openDatabase } from '../../db/connection';
import { setCaptureWriter } from '../../db/replicated';
import { refusalForFsError } from '../../files';
import type { JobContext } from '../../jobs';
import { currentSettings } from '../../settings';
import { commitPlan, inImportTransaction } from './commit';
import { decodeText, sniffEncoding } from './decode';
import { findHeaderRow, isBlank, parseRecords } from './parse';
import { planImport, previewOf, readFileRows, type PlanChoices, type ReadFileRow } from './plan';
import { looksLikeVcard, readVcards } from './vcard';
import { looksLikeZip, oleKind, readWorkbook } from './xlsx';

export const maxImportBytes = 256 * 1024 * 1024;

export interface ImportFileInput {
  /** Where the file is on this computer (an upload is stored in the data folder first). */
  file: string;
  /** The name the owner knows it by, for messages. */
  displayName: string;
}

interface LoadedFile {
  format: ImportFormat;
  sheets: string[];
  sheet: string | null;
  sizeBytes: number;
  fileHash: string;
  encoding: ImportEncoding;
  evidence: 'bom' | 'detected';
  delimiter: ImportDelimiter;
  records: string[][];
}

const refuse = (reason: FileRefusal, name: string, extra: { row?: number; limit?: number } = {}) => err('FILE_REFUSED', { reason, name, ...extra });

/**
 * Reads the file, tells what it is from its contents (a workbook, contact cards, a text
 * spreadsheet — never from its name alone), and turns it into rows of cells, or says plainly why
 * it cannot.
 */
const loadFile = async (source: ImportFileInput, choice: { encoding: ImportEncoding | null; delimiter: ImportDelimiter | null; sheet: string | null }, job: JobContext): Promise<Result<LoadedFile>> => {
  job.report('read', 0, 0);
  let bytes: Buffer;
  try {
    const size = (await stat(source.file)).size;
    if (size > maxImportBytes) return refuse('too_large', source.displayName, { limit: maxImportBytes / 1024 / 1024 });
    bytes = await readFile(source.file);
  } catch (caught) {
    const refusal = refusalForFsError(caught, source.displayName);
    if (refusal) return refusal;
    throw caught;
  }
  const fileHash = createHash('sha256').update(bytes).digest('hex');
  job.report('parse', 0, 0);
  const ole = oleKind(bytes);
  if (ole !== null) return refuse(ole, source.displayName);
  if (looksLikeZip(bytes)) {
    const workbook = readWorkbook(bytes, choice.sheet);
    if (!workbook.ok) return refuse(workbook.reason, source.displayName);
    const records = trimBlankTail(workbook.records);
    if (records.length === 0) return refuse('empty', source.displayName);
    return ok({ format: 'xlsx', sheets: workbook.sheets, sheet: workbook.sheet, sizeBytes: bytes.length, fileHash, encoding: 'utf-8', evidence: 'detected', delimiter: ',', records });
  }
  // A workbook that is not a zip at all is a damaged one, not "not a text file".
  if (/\.xls[xm]$/i.test(source.displayName) && bytes.length > 0) return refuse('damaged_workbook', source.displayName);
  const sniffed = sniffEncoding(bytes);
  if (!sniffed.ok) return refuse(sniffed.reason, source.displayName);
  const chosen = choice.encoding ?? sniffed.encoding;
  const evidence = choice.encoding === null || choice.encoding === sniffed.encoding ? sniffed.evidence : 'detected';
  const text = decodeText(bytes, chosen);
  if (looksLikeVcard(text)) {
    const cards = readVcards(text);
    if (!cards.ok) return refuse(cards.reason, source.displayName, { ...(cards.row ? { row: cards.row } : {}), ...(cards.limit ? { limit: cards.limit } : {}) });
    return ok({ format: 'vcard', sheets: [], sheet: null, sizeBytes: bytes.length, fileHash, encoding: chosen, evidence, delimiter: ',', records: cards.records });
  }
  const parsed = parseRecords(text, choice.delimiter);
  if (!parsed.ok) return refuse(parsed.reason, source.displayName, { ...(parsed.row ? { row: parsed.row } : {}), ...(parsed.limit ? { limit: parsed.limit } : {}) });
  return ok({ format: 'text', sheets: [], sheet: null, sizeBytes: bytes.length, fileHash, encoding: chosen, evidence, delimiter: parsed.delimiter, records: parsed.records });
};

const trimBlankTail = (records: string[][]): string[][] => {
  while (records.length > 0 && isBlank(records[records.length - 1] ?? [])) records.pop();
  return records;
};

export interface AnalyseInput {
  source: ImportFileInput;
  sheet: string | null;
  encoding: ImportEncoding | null;
  delimiter: ImportDelimiter | null;
  headerRow: number | null;
}

const samplesPerColumn = 3;

/** The file's bytes hashed as they are now; null when it cannot be read (reading it afresh then says why). */
const hashNow = async (file: string): Promise<string | null> => {
  try {
    return createHash('sha256').update(await readFile(file)).digest('hex');
  } catch {
    return null;
  }
};

/** A file's cells as read, and the rows a preview checked from them, with everything their reading depended on (`by`). */
interface HeldFile {
  loaded: LoadedFile;
  checked: { by: string; rows: ReadFileRow[] } | null;
}

/**
 * The file as the last analysis or preview read it, held in this worker's memory for the job that
 * follows (the runner keeps the worker of a job another usually follows for that one, runner.ts):
 * reading a 100,000-row file again is a third of a second for a CSV, and for a workbook a second and
 * a half (unzipped, then every cell's XML). A preview also leaves its checked rows, with what they
 * were checked by: the commit that follows the same choices (nearly always) takes them instead of
 * checking every row again (about a second and a half). Taken by the next import job (whichever it
 * is), so a worker holds it no longer than that; a job after the worker has ended reads the file
 * again.
 */
let inMemory: (HeldFile & { file: string }) | null = null;

/** The same reading of the file: the same sheet of a workbook, the same encoding and separator of a text. */
const readAlike = (loaded: LoadedFile, input: ImportJobInput): boolean =>
  loaded.format === 'xlsx' ? loaded.sheet === input.sheet : loaded.encoding === input.encoding && loaded.delimiter === input.delimiter;

/**
 * The file held in memory, when this job reads the same file the same way and its bytes are still
 * the ones analysed (hashed again: cheap beside reading them); null when it must be read afresh.
 */
const fileInMemory = async (input: ImportJobInput, job: JobContext): Promise<Result<HeldFile> | null> => {
  const held = inMemory;
  inMemory = null;
  if (held === null || held.file !== input.source.file || !readAlike(held.loaded, input)) return null;
  job.report('read', 0, 0);
  const hash = await hashNow(input.source.file);
  if (hash === null) return null;
  if (hash !== input.fileHash) return refuse('file_changed', input.source.displayName);
  return hash === held.loaded.fileHash ? ok(held) : null;
};

/** What the file is and what its columns seem to be; the owner corrects the mapping from here. */
export const analyseImport = async (input: AnalyseInput, job: JobContext): Promise<Result<ImportAnalysis>> => {
  const loaded = await loadFile(input.source, input, job);
  if (!loaded.ok) return loaded;
  const { records } = loaded.value;
  inMemory = { file: input.source.file, loaded: loaded.value, checked: null };
  const headerRow = input.headerRow ?? findHeaderRow(records);
  if (headerRow === null || headerRow > records.length) return refuse('no_columns', input.source.displayName);
  const headers = (records[headerRow - 1] ?? []).map((cell) => cell.trim());
  const mapping = suggestMapping(headers);
  const columns: ImportColumn[] = headers.map((header, index) => {
    const samples: string[] = [];
    for (let row = headerRow; row < records.length && samples.length < samplesPerColumn; row += 1) {
      const value = cleanCell(records[row]?.[index] ?? '');
      if (value !== '') samples.push(value.length > 60 ? `${value.slice(0, 57)}…` : value);
    }
    return { index, header, samples, target: mapping[index] ?? 'ignore' };
  });
  return ok({
    fileName: input.source.displayName,
    format: loaded.value.format,
    sheets: loaded.value.sheets,
    sheet: loaded.value.sheet,
    sizeBytes: loaded.value.sizeBytes,
    fileHash: loaded.value.fileHash,
    encoding: loaded.value.encoding,
    encodingEvidence: loaded.value.evidence,
    delimiter: loaded.value.delimiter,
    headerRow,
    rowCount: records.slice(headerRow).filter((record) => record.some((cell) => cell.trim() !== '')).length,
    columns,
  });
};

export interface ImportJobInput {
  bookFile: string;
  source: ImportFileInput;
  sheet: string | null;
  fileHash: string;
  encoding: ImportEncoding;
  delimiter: ImportDelimiter;
  headerRow: number;
  mapping: ImportTarget[];
  country: string | null;
  duplicates: 'skip' | 'create';
  nameMatches: 'skip' | 'create';
}

/**
 * The file's rows, read and checked. The preview and the commit each check them from the cells the
 * job before them left in the worker's memory, else from the file (the commit only from the very
 * file previewed: its bytes are hashed again). A commit after a preview of the same choices takes
 * the rows that preview checked. Between workers, checking is the cheaper way to have them twice:
 * writing the checked rows down for another worker cost more than checking again (100,000 rows:
 * 0.8–1.1 s to write them, 2.3–2.7 s to read them back, against 1.4–1.9 s to read and check the
 * file). `anotherFollows`: a preview holds the cells and its rows for its commit.
 */
const rowsFor = async (input: ImportJobInput, settings: Settings, job: JobContext, anotherFollows: boolean): Promise<Result<ReadFileRow[]>> => {
  const held = await fileInMemory(input, job);
  if (held !== null && !held.ok) return held;
  const loaded = held === null ? await loadFile(input.source, input, job) : ok(held.value.loaded);
  if (!loaded.ok) return loaded;
  if (loaded.value.fileHash !== input.fileHash) return refuse('file_changed', input.source.displayName);
  const readInput = {
    records: loaded.value.records,
    headerRow: input.headerRow,
    mapping: input.mapping,
    context: { country: phoneCountryOf(input, settings), mapping: input.mapping, headers: [], currency: settings.currency, timeZone: settings.timeZone, dayFirst: writesDayFirst(settings.country) },
    shopCountry: phoneCountryOf(input, settings),
  };
  // Everything a row's reading depends on besides its cells: the same, and the rows checked before are these rows.
  const by = JSON.stringify([readInput.headerRow, readInput.mapping, readInput.context, readInput.shopCountry]);
  const checkedBefore = held === null ? null : held.value.checked;
  let rows: ReadFileRow[];
  if (checkedBefore?.by === by) {
    rows = checkedBefore.rows;
    job.report('check', rows.length, rows.length);
  } else {
    rows = readFileRows(readInput, (done, total) => job.report('check', done, total));
  }
  if (anotherFollows) inMemory = { file: input.source.file, loaded: loaded.value, checked: { by, rows } };
  return ok(rows);
};

/** The owner may read one file's numbers for another country than the shop's. */
const phoneCountryOf = (input: ImportJobInput, settings: Settings): string => input.country ?? settings.country;

/** How the file's numbers read for the country used, and whether another fits better. */
const phoneCountryPreview = (input: ImportJobInput, settings: Settings, rows: readonly ReadFileRow[]): ImportPhoneCountry => {
  const used = phoneCountryOf(input, settings);
  const phones: string[] = [];
  for (const row of rows) {
    if (phones.length >= phoneSample) break;
    if (row.ok) phones.push(...row.fields.phones);
  }
  const reading = readPhoneCountry(phones, used);
  return { shop: settings.country, used, sampled: reading.sampled, readable: reading.readableForShop, proposed: reading.proposed };
};

const phoneSample = 2000;

const choicesOf = (input: ImportJobInput, settings: Settings): PlanChoices => ({
  mapping: input.mapping,
  shopCountry: phoneCountryOf(input, settings),
  duplicates: input.duplicates,
  nameMatches: input.nameMatches,
});

export const previewImport = async (input: ImportJobInput, job: JobContext): Promise<Result<ImportPreview>> => {
  const db = openDatabase(input.bookFile, { readonly: true, projectRoot: job.projectRoot });
  try {
    const settings = currentSettings({ db });
    const rows = await rowsFor(input, settings, job, true);
    if (!rows.ok) return rows;
    const plan = planImport(db, rows.value, choicesOf(input, settings));
    return ok(previewOf(plan, db, phoneCountryPreview(input, settings, rows.value)));
  } finally {
    db.close();
  }
};

export interface CommitInput extends ImportJobInput {
  skipInvalid: boolean;
  actor: { role: Role; staffId: string | null };
  now: string;
}

/** Plans again from the file (it must be the file that was previewed) and writes it all, or nothing. */
export const commitImport = async (input: CommitInput, job: JobContext): Promise<Result<ImportOutcome>> => {
  const started = Date.now();
  const db = openDatabase(input.bookFile, { projectRoot: job.projectRoot });
  // Folding a large import's write-ahead log into the book file (a 100,000-row import writes about
  // 170 MB) is left until the answer has gone: committed in the log with synchronous=FULL, the
  // import is already safe, and the owner need not wait for the housekeeping.
  db.pragma('wal_autocheckpoint = 0');
  // On a shared book the imported records reach the other devices as entered by the import's staff.
  setCaptureWriter(db, input.actor.staffId);
  try {
    const settings = currentSettings({ db });
    const rows = await rowsFor(input, settings, job, false);
    if (!rows.ok) return rows;
    // Planned inside the write transaction: the customers it finds in the book stay there until the commit.
    const committed = inImportTransaction(db, (): Result<Omit<ImportOutcome, 'durationMs'>> => {
      const plan = planImport(db, rows.value, choicesOf(input, settings));
      if (plan.totals.invalidRows > 0 && !input.skipInvalid) return err('INVALID_STATE', { reason: 'import_has_errors' });
      return ok(commitPlan(db, plan, { now: input.now, actor: input.actor, fileName: input.source.displayName, skippedInvalid: plan.totals.invalidRows }, job));
    });
    if (!committed.ok) return committed;
    return ok({ ...committed.value, durationMs: Date.now() - started });
  } finally {
    job.afterwards(() => {
      try {
        db.pragma('wal_checkpoint(PASSIVE)');
      } finally {
        db.close();
      }
    });
  }
};
