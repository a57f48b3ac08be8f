import { z } from 'zod';
import type { FieldRule } from '../errors';
import type { PinProblem } from '../pin';
import { languages } from '../locale';
import { handler, returns } from './define';
import { fileSource, localPath, plainFileName } from './files';

/** What can be exported on its own. Features add their kind here and its table in the core's export registry. */
export const exportKinds = ['customers', 'visits', 'complaints', 'referrals', 'reminders'] as const;
export type ExportKind = (typeof exportKinds)[number];
export const exportFormats = ['csv', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export interface ExportKindInfo {
  kind: ExportKind;
  rows: number;
}

export interface ExportedFile {
  path: string;
  kind: ExportKind | 'all';
  rows: number;
  bytes: number;
}

/** Column targets of an import: which customer (or visit) field a spreadsheet column fills. */
export const importTargets = [
  'ignore',
  'name',
  'givenName',
  'familyName',
  'phone',
  'email',
  'birthday',
  'gender',
  'address',
  'notes',
  'notesAppend',
  'tags',
  'interests',
  'source',
  'needType',
  'consent',
  'createdAt',
  'referrer',
  'visitDate',
  'visitAmount',
  'visitItems',
  'visitNote',
  'historyFirstVisit',
  'historyLastVisit',
  'historyVisitCount',
  'historySpent',
  'historyPoints',
  'historyMemberLevel',
] as const;
export type ImportTarget = (typeof importTargets)[number];

/** Targets several columns may fill (Phone 1, Phone 2…; Address line 1, line 2…). */
export const repeatableTargets: ReadonlySet<ImportTarget> = new Set([
  'ignore',
  'phone',
  'email',
  'address',
  'notes',
  'notesAppend',
  'tags',
  'interests',
]);

export const visitTargets: ReadonlySet<ImportTarget> = new Set(['visitDate', 'visitAmount', 'visitItems', 'visitNote']);

/**
 * Summary columns of POS and membership exports (first and last visit, visit count, total spent,
 * points, member level): together they become the customer's history as the old tool summed it up.
 */
export const historyTargets: ReadonlySet<ImportTarget> = new Set([
  'historyFirstVisit',
  'historyLastVisit',
  'historyVisitCount',
  'historySpent',
  'historyPoints',
  'historyMemberLevel',
]);

export const importEncodings = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'big5', 'windows-1252'] as const;
export type ImportEncoding = (typeof importEncodings)[number];
export const importDelimiters = [',', '\t', ';', '|'] as const;
export type ImportDelimiter = (typeof importDelimiters)[number];

export interface ImportColumn {
  index: number;
  header: string;
  /** A few non-empty values, so the owner recognises the column. */
  samples: string[];
  /** The automatic choice, from the header in English, Traditional or Simplified Chinese. */
  target: ImportTarget;
}

/** What kind of file it is, told from its contents: a text spreadsheet (CSV, TSV, Excel "Unicode text"), an Excel workbook, contact cards. */
export const importFormats = ['text', 'xlsx', 'vcard'] as const;
export type ImportFormat = (typeof importFormats)[number];

export interface ImportAnalysis {
  fileName: string;
  format: ImportFormat;
  /** A workbook's sheets, in order, and the one read; empty and null for other files. */
  sheets: string[];
  sheet: string | null;
  sizeBytes: number;
  fileHash: string;
  encoding: ImportEncoding;
  /** 'bom' when the file says so itself; 'detected' when Regulars judged it from the text. */
  encodingEvidence: 'bom' | 'detected';
  delimiter: ImportDelimiter;
  /** The spreadsheet row holding the column names (1 = the first line). */
  headerRow: number;
  /** Data rows below the header row. */
  rowCount: number;
  columns: ImportColumn[];
}

/** Why a row (or one value in it) cannot be imported. */
/** A PIN or a path is never imported, so their rules never name an imported value. */
export type ImportRowRule = Exclude<FieldRule, PinProblem | 'relative_path'> | 'phone_as_number' | 'invalid_amount' | 'mapped_twice' | 'invalid_count' | 'last_before_first';

export interface ImportRowIssue {
  /** The spreadsheet row, as the owner sees it in Excel (1 = the first line). */
  row: number;
  /** The column's header as written in the file; '' for the row as a whole. */
  column: string;
  target: ImportTarget | null;
  rule: ImportRowRule;
  /** The offending value, shortened. */
  value: string;
  limit?: number;
}

export type ImportRowStatus = 'new' | 'duplicate' | 'possible_duplicate' | 'invalid' | 'same_as_above';

/** A customer's past as another tool summed it up: what one row's summary columns become. */
export interface ImportHistory {
  visitCount: number;
  revenueMinor: number;
  firstVisitAt: string | null;
  lastVisitAt: string | null;
  points: number | null;
  memberLevel: string | null;
}

export interface ImportPreviewRow {
  row: number;
  status: ImportRowStatus;
  name: string;
  phones: string[];
  email: string;
  visits: number;
  /** What becomes the customer's history; null when the row has none, or when it goes to a customer already in the book (who keeps their own). */
  history: ImportHistory | null;
  /** The customer in the book this row matches, and why. */
  match: { id: string; name: string; reason: 'phone' | 'email' | 'name' } | null;
  referrer: ImportReferrer | null;
}

export interface ImportReferrer {
  text: string;
  /** The customer the referrer column points at (in the book or earlier in the file). */
  customer: { id: string | null; name: string } | null;
  outcome: 'found' | 'not_found' | 'ambiguous';
}

export interface ImportTotals {
  rows: number;
  newCustomers: number;
  duplicates: number;
  possibleDuplicates: number;
  sameAsAbove: number;
  invalidRows: number;
  visits: number;
  /** Customers who arrive with a history from their summary columns. */
  histories: number;
  referrersFound: number;
  referrersNotFound: number;
}

export interface ImportPreview {
  totals: ImportTotals;
  issues: ImportRowIssue[];
  issuesTotal: number;
  /** The first rows, then every duplicate and invalid row, up to a limit. */
  rows: ImportPreviewRow[];
  /** Which country the numbers were read for, and another that fits the file better, if one does. */
  phoneCountry: ImportPhoneCountry;
}

export interface ImportPhoneCountry {
  /** The shop's country ('' when not set). */
  shop: string;
  /** The country the numbers were read for: the shop's, or the one the owner chose for this file. */
  used: string;
  /** Numbers without "+" looked at, and how many read as numbers of `used`. */
  sampled: number;
  readable: number;
  proposed: { country: string; readable: number } | null;
}

export interface ImportOutcome {
  /** The import run, for undoing it. */
  importId: string;
  created: number;
  skippedDuplicates: number;
  skippedInvalid: number;
  visits: number;
  histories: number;
  referrerLinks: number;
  durationMs: number;
}

/** A committed import, as the Data screen lists it for undoing. */
export interface ImportRun {
  id: string;
  fileName: string;
  committedAt: string;
  customers: number;
  /** Visits it added to customers the book already had. */
  visitsToExisting: number;
  histories: number;
  undoneAt: string | null;
  /** Customers it created that were edited, visited, merged or deleted since: while there are any, it cannot be undone. */
  changedSince: { count: number; names: string[] };
}

export const duplicateChoices = ['skip', 'create'] as const;

/** A sheet of a workbook, by name; null for the first (and for files that are not workbooks). */
const sheetChoice = z.string().max(100).nullable().default(null);

const importPlanInput = {
  source: fileSource,
  sheet: sheetChoice,
  fileHash: z.string().regex(/^[0-9a-f]{64}$/, 'invalid'),
  encoding: z.enum(importEncodings),
  delimiter: z.enum(importDelimiters),
  headerRow: z.int().min(1).max(100),
  /** One target per column, by position. */
  mapping: z.array(z.enum(importTargets)).min(1).max(1000),
  /** Read the file's phone numbers as numbers of this country instead of the shop's (the preview proposes one when the shop's does not fit). */
  country: z.string().regex(/^[A-Z]{2}$/, 'invalid_choice').nullable().default(null),
  /** Rows with the same phone or e-mail as a customer in the book. */
  duplicates: z.enum(duplicateChoices).default('skip'),
  /** Rows whose only likeness to a customer is the name: namesakes are common, so they are added by default. */
  nameMatches: z.enum(duplicateChoices).default('create'),
};

/** What Excel accepts as a sheet's name: 31 characters at most, none of []:*?/\\. */
const sheetName = z.string().trim().min(1).max(31).regex(/^[^[\]:*?/\\]+$/);

export const transferContract = {
  /**
   * A list a screen shows (a call list) as an Excel workbook of one sheet, every cell text: made
   * here, because the workbook's compression runs in a worker the renderer's content policy refuses.
   * Reads nothing from the book, so anyone at the counter may ask.
   */
  'sheet-xlsx': handler({
    input: z.strictObject({
      sheet: sheetName,
      /** The header row first. */
      rows: z.array(z.array(z.string().max(4000)).max(40)).min(1).max(20_001),
    }),
    output: returns<{ base64: string }>(),
    access: 'staff',
    mutates: false,
  }),
  'export-kinds': handler({
    input: z.strictObject({}),
    output: returns<ExportKindInfo[]>(),
    access: 'owner',
    mutates: false,
  }),
  'export-run': handler({
    input: z.strictObject({
      what: z.enum([...exportKinds, 'all'] as const),
      format: z.enum(exportFormats),
      folder: localPath({ required: true }),
      /** A file name for a single file; by default one is made from the shop, the kind and the day. */
      fileName: plainFileName.nullable().default(null),
      /** Column headers and labels of CSV files; JSON keys are always English. */
      language: z.enum(languages).default('en'),
    }),
    output: returns<ExportedFile[]>(),
    access: 'owner',
    mutates: true,
  }),
  'import-analyse': handler({
    input: z.strictObject({
      source: fileSource,
      sheet: sheetChoice,
      encoding: z.enum(importEncodings).nullable().default(null),
      delimiter: z.enum(importDelimiters).nullable().default(null),
      headerRow: z.int().min(1).max(100).nullable().default(null),
    }),
    output: returns<ImportAnalysis>(),
    access: 'owner',
    mutates: false,
  }),
  'import-preview': handler({
    input: z.strictObject(importPlanInput),
    output: returns<ImportPreview>(),
    access: 'owner',
    mutates: false,
  }),
  'import-runs': handler({
    input: z.strictObject({}),
    output: returns<ImportRun[]>(),
    access: 'owner',
    mutates: false,
  }),
  /** Takes back everything one import brought: the customers it created, the visits it added, the histories. */
  'import-undo': handler({
    input: z.strictObject({ id: z.string().min(1).max(64) }),
    output: returns<ImportRun>(),
    access: 'owner',
    mutates: true,
  }),
  'import-commit': handler({
    input: z.strictObject({
      ...importPlanInput,
      skipInvalid: z.boolean().default(false),
    }),
    output: returns<ImportOutcome>(),
    access: 'owner',
    mutates: true,
  }),
} as const;
