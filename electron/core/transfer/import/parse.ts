import Papa from 'papaparse';
import { importDelimiters, type ImportDelimiter } from '../../../../shared/contract/transfer';
import type { FileRefusal } from '../../../../shared/errors';
import { headerScore } from '../../../../shared/transfer/headers';

/** A value longer than this is not a customer's anything: the file is something else. */
export const maxFieldChars = 100_000;
export const maxColumns = 1000;
/** How far down a title or a blank line may push the row with the column names. */
const headerSearchRows = 10;

export type Parsed =
  | { ok: true; records: string[][]; delimiter: ImportDelimiter }
  | { ok: false; reason: FileRefusal; row?: number; limit?: number };

/** A JSON file saved under a .csv name: it starts and ends like JSON, or parses as JSON. */
const looksLikeJson = (text: string): boolean => {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return false;
  if (/[\]}]$/.test(trimmed)) return true;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
};

const guessDelimiter = (text: string): ImportDelimiter => {
  const sample = Papa.parse<string[]>(text.slice(0, 64 * 1024), { preview: 50, delimitersToGuess: [...importDelimiters] });
  const found = sample.meta.delimiter as ImportDelimiter;
  return importDelimiters.includes(found) ? found : ',';
};

/** The whole file as rows of cells; row n (1 = the first line, as a spreadsheet counts) is records[n - 1]. */
export const parseRecords = (text: string, delimiter: ImportDelimiter | null): Parsed => {
  if (text.trim() === '') return { ok: false, reason: 'empty' };
  if (looksLikeJson(text)) return { ok: false, reason: 'json_not_csv' };
  const chosen = delimiter ?? guessDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter: chosen, skipEmptyLines: false });
  const unterminated = parsed.errors.find((error) => error.code === 'MissingQuotes');
  if (unterminated) return { ok: false, reason: 'unterminated_quote', row: (unterminated.row ?? 0) + 1 };
  const records = parsed.data;
  for (const [index, record] of records.entries()) {
    if (record.length > maxColumns) return { ok: false, reason: 'no_columns', row: index + 1 };
    for (const cell of record) if (cell.length > maxFieldChars) return { ok: false, reason: 'field_too_large', row: index + 1, limit: maxFieldChars };
  }
  while (records.length > 0 && isBlank(records[records.length - 1] ?? [])) records.pop();
  return { ok: true, records, delimiter: chosen };
};

export const isBlank = (record: readonly string[]): boolean => record.every((cell) => cell.trim() === '');

/**
 * The row with the column names: among the first rows (a title line may come first), the one
 * most of whose cells are column names Regulars knows; else the first row that is not blank.
 */
export const findHeaderRow = (records: readonly string[][]): number | null => {
  let best: { row: number; score: number } | null = null;
  for (let index = 0; index < Math.min(records.length, headerSearchRows); index += 1) {
    const record = records[index] ?? [];
    if (isBlank(record)) continue;
    const score = headerScore(record);
    if (best === null || score > best.score) best = { row: index + 1, score };
  }
  if (best === null) return null;
  if (best.score > 0) return best.row;
  const first = records.findIndex((record) => !isBlank(record));
  return first < 0 ? null : first + 1;
};
