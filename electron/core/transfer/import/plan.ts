import type { CustomerFields } from '../../../../shared/contract/customers';
import type {
  ImportPreview,
  ImportPreviewRow,
  ImportReferrer,
  ImportRowIssue,
  ImportRowStatus,
  ImportTarget,
  ImportTotals,
} from '../../../../shared/contract/transfer';
import { visitTargets } from '../../../../shared/contract/transfer';
import { looksLikePhone } from '../../../../shared/phone';
import { nameKey } from '../../../../shared/text';
import type { Db } from '../../db/connection';
import { jsonList } from '../../db/statements';
import { emailKey, type PhoneWrite, toPhoneWrite } from '../../customers';
import { CustomerIndex } from './book-index';
import { isBlank } from './parse';
import { customerNameOf, visitKeysOf } from './queries';
import { readRow, type RowContext, type RowHistory, type RowVisit } from './rows';

export interface ReadInput {
  records: readonly string[][];
  headerRow: number;
  mapping: readonly ImportTarget[];
  context: RowContext;
  shopCountry: string;
}

export interface PlanChoices {
  mapping: readonly ImportTarget[];
  shopCountry: string;
  duplicates: 'skip' | 'create';
  nameMatches: 'skip' | 'create';
}

/**
 * One row of the file as read and checked. It depends on the file, the mapping and the shop's
 * settings only, not on the book, so the preview can keep it for the commit that follows.
 */
export type ReadFileRow =
  | { row: number; ok: false; name: string; issues: ImportRowIssue[] }
  | {
      row: number;
      ok: true;
      fields: CustomerFields;
      createdAt: string | null;
      visit: RowVisit | null;
      history: RowHistory | null;
      referrer: string;
      phones: PhoneWrite[];
      emailKey: string;
      nameKey: string;
    };

/** A customer the import creates, or one already in the book that receives the file's visits. */
export interface PlanEntry {
  key: number;
  row: number;
  /** Set when the row is a customer the book already has (and the owner chose not to add it again). */
  existingId: string | null;
  fields: CustomerFields | null;
  phones: PhoneWrite[];
  createdAt: string | null;
  visits: RowVisit[];
  /** The old tool's summary of this customer; only for a customer the import creates (one already in the book keeps their own). */
  history: RowHistory | null;
  referrer: { text: string; bookId: string | null; entryKey: number | null; outcome: ImportReferrer['outcome'] } | null;
}

interface PlanRow {
  row: number;
  /** The name as the row gives it, so a row with problems is recognisable too. */
  name: string;
  status: ImportRowStatus;
  entryKey: number | null;
  match: ImportPreviewRow['match'];
}

export interface ImportPlan {
  entries: PlanEntry[];
  rows: PlanRow[];
  issues: ImportRowIssue[];
  totals: ImportTotals;
}

const rawName = (record: readonly string[], mapping: readonly ImportTarget[]): string =>
  ['name', 'familyName', 'givenName']
    .map((target) => record[mapping.indexOf(target as ImportTarget)]?.trim() ?? '')
    .filter((part) => part !== '')
    .join(' ');

const fileId = (key: number): string => `#${key}`;
const keyOfFileId = (id: string): number | null => (id.startsWith('#') ? Number(id.slice(1)) : null);

const uniquePhones = (phones: readonly string[], country: string): PhoneWrite[] => {
  const byKey = new Map<string, PhoneWrite>();
  for (const raw of phones) {
    const phone = toPhoneWrite(raw, country);
    if (!byKey.has(phone.match_key)) byKey.set(phone.match_key, phone);
  }
  return [...byKey.values()];
};

/** Reads and checks every row of the file: the costly part of an import (phones, dates, the form's schema). */
export const readFileRows = (input: ReadInput, onRow: (done: number, total: number) => void): ReadFileRow[] => {
  const headers = input.records[input.headerRow - 1] ?? [];
  const context: RowContext = { ...input.context, headers };
  const total = input.records.length - input.headerRow;
  const rows: ReadFileRow[] = [];
  for (let index = input.headerRow; index < input.records.length; index += 1) {
    const record = input.records[index] ?? [];
    const row = index + 1;
    if ((index - input.headerRow) % 2000 === 0) onRow(index - input.headerRow, total);
    if (isBlank(record)) continue;
    const read = readRow(record, row, context);
    if (!read.ok) {
      rows.push({ row, ok: false, name: rawName(record, input.mapping), issues: read.issues });
      continue;
    }
    rows.push({
      row,
      ok: true,
      fields: read.fields,
      createdAt: read.createdAt,
      visit: read.visit,
      history: read.history,
      referrer: read.referrer,
      phones: uniquePhones(read.fields.phones, input.shopCountry),
      emailKey: emailKey(read.fields.email),
      nameKey: nameKey(read.fields.name),
    });
  }
  onRow(total, total);
  return rows;
};

/**
 * Decides what happens to each row: a new customer, a customer the book already has (same phone
 * or e-mail; or only the same name), the same customer as an earlier row of the file (its visits
 * join that customer's), or a row that cannot be imported and why.
 */
export const planImport = (db: Db, fileRows: readonly ReadFileRow[], choices: PlanChoices): ImportPlan => {
  const book = CustomerIndex.ofBook(db);
  const file = new CustomerIndex();
  const visitsMapped = choices.mapping.some((target) => visitTargets.has(target));
  const entries: PlanEntry[] = [];
  const rows: PlanRow[] = [];
  const issues: ImportRowIssue[] = [];

  for (const read of fileRows) {
    const row = read.row;
    if (!read.ok) {
      rows.push({ row, name: read.name, status: 'invalid', entryKey: null, match: null });
      issues.push(...read.issues);
      continue;
    }
    const { phones, emailKey: email, nameKey: name } = read;
    const earlier = file.byPhone(phones) ?? file.byEmailKey(email) ?? (visitsMapped ? (file.byNameKey(name)[0] ?? null) : null);
    const earlierKey = earlier === null ? null : keyOfFileId(earlier);
    if (earlierKey !== null) {
      const entry = entries[earlierKey];
      if (entry && read.visit) entry.visits.push(read.visit);
      rows.push({ row, name: read.fields.name, status: 'same_as_above', entryKey: earlierKey, match: null });
      continue;
    }

    const byPhone = book.byPhone(phones);
    const byEmail = byPhone === null ? book.byEmailKey(email) : null;
    const strong = byPhone ?? byEmail;
    const namesakes = strong === null ? book.byNameKey(name) : [];
    let status: ImportRowStatus = 'new';
    let existingId: string | null = null;
    let match: ImportPreviewRow['match'] = null;
    if (strong !== null) {
      status = 'duplicate';
      match = { id: strong, name: book.nameOf(strong), reason: byPhone !== null ? 'phone' : 'email' };
      if (choices.duplicates === 'skip') existingId = strong;
    } else if (namesakes.length > 0) {
      const namesake = namesakes[0] as string;
      status = 'possible_duplicate';
      match = { id: namesake, name: book.nameOf(namesake), reason: 'name' };
      if (choices.nameMatches === 'skip') existingId = namesake;
    }
    const key = entries.length;
    entries.push({
      key,
      row,
      existingId,
      fields: existingId === null ? read.fields : null,
      phones,
      createdAt: read.createdAt,
      visits: read.visit ? [read.visit] : [],
      history: existingId === null ? read.history : null,
      referrer: existingId === null && read.referrer !== '' ? { text: read.referrer, bookId: null, entryKey: null, outcome: 'not_found' } : null,
    });
    file.add(fileId(key), read.fields.name, name, email, phones);
    rows.push({ row, name: read.fields.name, status, entryKey: key, match });
  }

  for (const entry of entries) if (entry.referrer) Object.assign(entry.referrer, resolveReferrer(entry.referrer.text, entry.key, book, file, choices.shopCountry));
  dropVisitsAlreadyInBook(db, entries);
  return { entries, rows, issues, totals: totalsOf(entries, rows) };
};

/** The referrer column by phone when it holds one ("王小明 0912-345-678"), else by name; two namesakes are ambiguous. */
const resolveReferrer = (text: string, selfKey: number, book: CustomerIndex, file: CustomerIndex, country: string) => {
  const phoneText = text.match(/\+?[\d][\d\s()\-.]{5,}\d/)?.[0] ?? '';
  if (looksLikePhone(phoneText)) {
    const phone = [toPhoneWrite(phoneText, country)];
    const inBook = book.byPhone(phone);
    if (inBook !== null) return { bookId: inBook, entryKey: null, outcome: 'found' as const };
    const inFile = file.byPhone(phone);
    const key = inFile === null ? null : keyOfFileId(inFile);
    if (key !== null && key !== selfKey) return { bookId: null, entryKey: key, outcome: 'found' as const };
  }
  const key = nameKey(text.replace(phoneText, ''));
  const inBook = book.byNameKey(key);
  const inFile = file.byNameKey(key).map(keyOfFileId).filter((found): found is number => found !== null && found !== selfKey);
  if (inBook.length + inFile.length > 1) return { bookId: null, entryKey: null, outcome: 'ambiguous' as const };
  if (inBook.length === 1) return { bookId: inBook[0] ?? null, entryKey: null, outcome: 'found' as const };
  if (inFile.length === 1) return { bookId: null, entryKey: inFile[0] ?? null, outcome: 'found' as const };
  return { bookId: null, entryKey: null, outcome: 'not_found' as const };
};

/** Importing the same file twice must not double a customer's visits: same customer, time and amount is the same visit. */
const dropVisitsAlreadyInBook = (db: Db, entries: PlanEntry[]): void => {
  const targets = entries.filter((entry) => entry.existingId !== null && entry.visits.length > 0);
  if (targets.length === 0) return;
  const known = new Set<string>();
  for (const visit of visitKeysOf(db, jsonList(targets.map((entry) => entry.existingId as string)))) {
    known.add(`${visit.customer_id}|${visit.occurred_at}|${visit.amount_minor ?? ''}`);
  }
  for (const entry of targets) {
    entry.visits = entry.visits.filter((visit) => !known.has(`${entry.existingId}|${visit.occurredAt}|${visit.amountMinor ?? ''}`));
  }
};

const totalsOf = (entries: readonly PlanEntry[], rows: readonly PlanRow[]): ImportTotals => {
  const count = (status: ImportRowStatus) => rows.filter((row) => row.status === status).length;
  return {
    rows: rows.length,
    newCustomers: entries.filter((entry) => entry.fields !== null).length,
    duplicates: count('duplicate'),
    possibleDuplicates: count('possible_duplicate'),
    sameAsAbove: count('same_as_above'),
    invalidRows: count('invalid'),
    visits: entries.reduce((sum, entry) => sum + entry.visits.length, 0),
    histories: entries.filter((entry) => entry.history !== null).length,
    referrersFound: entries.filter((entry) => entry.referrer?.outcome === 'found').length,
    referrersNotFound: entries.filter((entry) => entry.referrer !== null && entry.referrer.outcome !== 'found').length,
  };
};

const firstRows = 100;
const maxRows = 500;
const maxIssues = 500;

/** What the owner sees before committing: totals, every problem (up to a limit), the first rows and every row that needs a look. */
export const previewOf = (plan: ImportPlan, db: Db, phoneCountry: ImportPreview['phoneCountry']): ImportPreview => {
  const book = new Map<string, string>();
  const nameOfBookCustomer = (id: string): string => {
    if (!book.has(id)) book.set(id, customerNameOf(db, id));
    return book.get(id) ?? '';
  };
  const picked = plan.rows.filter((row, index) => index < firstRows || (row.status !== 'new' && row.status !== 'same_as_above')).slice(0, maxRows);
  const rows = picked.map((row): ImportPreviewRow => {
    const entry = row.entryKey === null ? undefined : plan.entries[row.entryKey];
    const fields: CustomerFields | null = entry?.fields ?? null;
    const referrer = entry?.referrer ?? null;
    const referred = referrer?.bookId ? { id: referrer.bookId, name: nameOfBookCustomer(referrer.bookId) } : referrer !== null && referrer.entryKey !== null ? { id: null, name: plan.entries[referrer.entryKey]?.fields?.name ?? '' } : null;
    return {
      row: row.row,
      status: row.status,
      name: row.name,
      phones: fields?.phones ?? [],
      email: fields?.email ?? '',
      visits: row.status === 'same_as_above' ? 0 : (entry?.visits.length ?? 0),
      history: row.status === 'same_as_above' ? null : (entry?.history ?? null),
      match: row.match,
      referrer: referrer ? { text: referrer.text, customer: referred, outcome: referrer.outcome } : null,
    };
  });
  return { totals: plan.totals, issues: plan.issues.slice(0, maxIssues), issuesTotal: plan.issues.length, rows, phoneCountry };
};
