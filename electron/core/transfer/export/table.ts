import type { ExportKind } from '../../../../shared/contract/transfer';
import type { Messages } from '../../../../shared/i18n/messages';
import type { TransferMessages } from '../../../../shared/i18n/transfer';
import type { Language } from '../../../../shared/locale';
import type { Db } from '../../db/connection';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** How CSV cells are written: in the owner's language, times in the shop's zone, money in its currency. */
export interface CsvContext {
  language: Language;
  words: Messages<TransferMessages>;
  timeZone: string;
  currency: string;
}

export interface CsvColumn<R> {
  header: (words: Messages<TransferMessages>) => string;
  value: (row: R, context: CsvContext) => string;
  /**
   * The value is a plain number (a count, an amount, a share; '' when there is none): a workbook
   * writes it as a number, so a spreadsheet sums and sorts it. Every other cell is text.
   */
  number?: true;
}

/**
 * One table of the export. Features register theirs in `tables.ts`; the CSV export, the full
 * JSON export, and the counts a backup shows all come from this list.
 */
export interface ExportTable<R = unknown> {
  /** A kind the owner can export on its own, or a section only the full JSON export carries. */
  name: ExportKind | 'staff' | 'satisfaction' | 'winBackAttempts' | 'statusEvents' | 'complaintPromises' | 'complaintTransitions' | 'referralRewards';
  /** Every row, in a stable order (by id), so the same book on the same shop day always gives the same bytes. */
  rows: (db: Db, today: string) => Iterable<R>;
  count: (db: Db) => number;
  /** What a backup's "what it holds" lists for this table, e.g. { visits: 10, contacts: 2 }. */
  counts: (db: Db) => Record<string, number>;
  /** The row as JSON; keys in a fixed order. */
  json: (row: R) => { [key: string]: JsonValue };
  /** CSV columns; null for a section that is only part of the full JSON export. */
  csv: CsvColumn<R>[] | null;
}

export const defineExportTable = <R>(table: ExportTable<R>): ExportTable => table as ExportTable;
