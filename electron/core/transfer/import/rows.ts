import { customerFields, type CustomerFields, type CustomerFieldsInput } from '../../../../shared/contract/customers';
import { historyTargets, visitTargets, type ImportHistory, type ImportRowIssue, type ImportRowRule, type ImportTarget } from '../../../../shared/contract/transfer';
import { limits } from '../../../../shared/limits';
import type { FieldRule } from '../../../../shared/errors';
import { withTrunkZero } from '../../../../shared/phone';
import { hasCjk } from '../../../../shared/text';
import {
  cleanCell,
  isNoDate,
  looksLikeMangledPhone,
  readAmount,
  readBirthday,
  readConsent,
  readCount,
  readGender,
  readInstant,
  readNeedType,
  readSource,
  splitList,
  splitPhones,
  splitTags,
} from '../../../../shared/transfer/values';
import { toFieldIssues } from '../../../../shared/validation';

export interface RowContext {
  /** The country the file's phone numbers are read for. */
  country: string;
  mapping: readonly ImportTarget[];
  headers: readonly string[];
  currency: string;
  timeZone: string;
  dayFirst: boolean;
}

export interface RowVisit {
  occurredAt: string;
  amountMinor: number | null;
  items: string;
  note: string;
}

/** The customer's past as the old tool summed it up, from its summary columns. */
export type RowHistory = ImportHistory;

export type ReadRow =
  | { ok: true; fields: CustomerFields; createdAt: string | null; visit: RowVisit | null; history: RowHistory | null; referrer: string }
  | { ok: false; issues: ImportRowIssue[] };

const shown = (value: string): string => (value.length > 60 ? `${value.slice(0, 57)}…` : value);

/** Where each customer field came from, so a refusal names the column the owner must fix. */
type Origin = Map<string, string>;

const originOf = (origin: Origin, path: string): string => {
  const [head = '', index] = path.split('.');
  return origin.get(path) ?? origin.get(head) ?? (index === undefined ? '' : (origin.get(`${head}.0`) ?? ''));
};

const composeName = (given: string, family: string): string => {
  if (given === '' || family === '') return given || family;
  return hasCjk(family) || hasCjk(given) ? `${family}${given}` : `${given} ${family}`;
};

/**
 * One spreadsheet row → the customer fields it describes (checked by the same schema as the
 * form), the visit it records when visit columns are mapped, and its referrer's text; or every
 * problem in the row, each naming the row, the column and the value.
 */
export const readRow = (record: readonly string[], row: number, context: RowContext): ReadRow => {
  const issues: ImportRowIssue[] = [];
  const issue = (column: string, target: ImportTarget | null, rule: ImportRowRule, value: string, limit?: number) =>
    issues.push({ row, column, target, rule, value: shown(value), ...(limit === undefined ? {} : { limit }) });
  const origin: Origin = new Map();
  const phones: string[] = [];
  const emails: string[] = [];
  const address: string[] = [];
  const notes: string[] = [];
  const extraNotes: string[] = [];
  const tags: string[] = [];
  const interests: string[] = [];
  let name = '';
  let given = '';
  let family = '';
  let birthday: CustomerFieldsInput['birthday'] = null;
  let gender: CustomerFieldsInput['gender'] = null;
  let source: CustomerFieldsInput['source'] = null;
  let needType: CustomerFieldsInput['needType'] = null;
  let consent = false;
  let createdAt: string | null = null;
  let referrer = '';
  const visitCells: Partial<Record<ImportTarget, { value: string; column: string }>> = {};
  const historyCells: Partial<Record<ImportTarget, { value: string; column: string }>> = {};
  // Each field's first column, even when this row leaves it empty: "Row 4, Name: missing".
  const firstColumns: [ImportTarget, string][] = [['name', 'name'], ['givenName', 'name'], ['familyName', 'name'], ['phone', 'phones.0'], ['email', 'email'], ['birthday', 'birthday'], ['address', 'address'], ['notes', 'notes'], ['tags', 'tags'], ['interests', 'interests']];
  for (const [target, path] of firstColumns) {
    const index = context.mapping.indexOf(target);
    if (index >= 0 && !origin.has(path)) origin.set(path, context.headers[index] ?? '');
  }

  context.mapping.forEach((target, index) => {
    if (target === 'ignore') return;
    const value = cleanCell(record[index] ?? '');
    if (value === '' || isNoDate(value)) return;
    const column = context.headers[index] ?? '';
    switch (target) {
      case 'name':
        if (name === '') name = value;
        break;
      case 'givenName':
        given = value;
        break;
      case 'familyName':
        family = value;
        break;
      case 'phone':
        if (looksLikeMangledPhone(value)) {
          issue(column, target, 'phone_as_number', value);
          break;
        }
        for (const phone of splitPhones(value)) {
          if (phones.length >= limits.phones) extraNotes.push(`${column}: ${phone}`);
          else {
            const restored = withTrunkZero(phone, context.country);
            if (phones.includes(restored)) continue;
            origin.set(`phones.${phones.length}`, column);
            phones.push(restored);
          }
        }
        break;
      case 'email':
        if (emails.length === 0) origin.set('email', column);
        else extraNotes.push(`${column}: ${value}`);
        emails.push(value);
        break;
      case 'birthday': {
        origin.set('birthday', column);
        const day = readBirthday(value, context.dayFirst);
        if (day === null) issue(column, target, 'invalid_date', value);
        else birthday = { month: day.month, day: day.day, year: day.year };
        break;
      }
      case 'gender': {
        const read = readGender(value);
        if (read === undefined) issue(column, target, 'invalid_choice', value);
        else gender = read;
        break;
      }
      case 'address':
        origin.set('address', column);
        address.push(value);
        break;
      case 'notes':
        origin.set('notes', column);
        notes.push(value);
        break;
      case 'notesAppend':
        extraNotes.push(`${column}: ${value}`);
        break;
      case 'tags':
        origin.set('tags', column);
        tags.push(...splitTags(value));
        break;
      case 'interests':
        origin.set('interests', column);
        interests.push(...splitList(value));
        break;
      case 'source': {
        const read = readSource(value);
        source = read.source;
        if (!read.known) extraNotes.push(`${column}: ${value}`);
        break;
      }
      case 'needType': {
        const read = readNeedType(value);
        if (read === undefined) issue(column, target, 'invalid_choice', value);
        else needType = read;
        break;
      }
      case 'consent': {
        const read = readConsent(value);
        if (read === undefined) issue(column, target, 'invalid_choice', value);
        else consent = read;
        break;
      }
      case 'createdAt': {
        createdAt = readInstant(value, context.timeZone, context.dayFirst);
        if (createdAt === null) issue(column, target, 'invalid_date', value);
        break;
      }
      case 'referrer':
        referrer = value;
        break;
      default:
        if (visitTargets.has(target)) visitCells[target] = { value, column };
        else if (historyTargets.has(target)) historyCells[target] = { value, column };
    }
  });

  if (name === '') name = composeName(given, family);
  if (phones.length === 0 && emails.length === 0 && name === '' && Object.keys(visitCells).length === 0 && Object.keys(historyCells).length === 0 && issues.length === 0) {
    return { ok: false, issues: [{ row, column: '', target: 'name', rule: 'required', value: '' }] };
  }
  if (referrer !== '' && source === null) source = 'referral';
  const input: CustomerFieldsInput = {
    name,
    phones,
    email: emails[0] ?? '',
    birthday,
    address: address.join(' '),
    gender,
    tags,
    interests,
    notes: [...notes, ...extraNotes].join('\n'),
    source,
    needType,
    consentToContact: consent,
  };
  const parsed = customerFields.safeParse(input);
  if (!parsed.success) {
    for (const field of toFieldIssues(parsed.error, input)) {
      const column = originOf(origin, field.path);
      const [head = '', index] = field.path.split('.');
      const value = head === 'phones' ? (phones[Number(index)] ?? '') : head === 'tags' ? (tags[Number(index)] ?? '') : head === 'name' ? name : String(input[head as keyof CustomerFieldsInput] ?? '');
      issue(column, targetOfPath(head), importRuleOf(field.rule), value, field.limit);
    }
  }
  const visit = readVisit(visitCells, context, issue);
  const history = readHistory(historyCells, context, issue);
  if (issues.length > 0 || !parsed.success) return { ok: false, issues };
  // A customer of the old tool became one no later than their first visit there.
  const since = createdAt ?? history?.firstVisitAt ?? null;
  return { ok: true, fields: parsed.data, createdAt: since, visit, history, referrer };
};

/** Customer fields carry no PIN or path, so such a rule here could only mean a value that is simply not valid. */
const importRuleOf = (rule: FieldRule): ImportRowRule => (rule === 'invalid_pin' || rule === 'weak_pin' || rule === 'relative_path' ? 'invalid' : rule);

const targetOfPath = (head: string): ImportTarget | null => {
  const targets: Record<string, ImportTarget> = { name: 'name', phones: 'phone', email: 'email', birthday: 'birthday', address: 'address', notes: 'notes', tags: 'tags', interests: 'interests' };
  return targets[head] ?? null;
};

const readVisit = (
  cells: Partial<Record<ImportTarget, { value: string; column: string }>>,
  context: RowContext,
  issue: (column: string, target: ImportTarget | null, rule: ImportRowRule, value: string, limit?: number) => void,
): RowVisit | null => {
  const { visitDate: date, visitAmount: amount, visitItems: items, visitNote: note } = cells;
  if (!date && !amount && !items && !note) return null;
  const dateColumn = context.headers[context.mapping.indexOf('visitDate')] ?? '';
  const occurredAt = date ? readInstant(date.value, context.timeZone, context.dayFirst) : null;
  if (!date) issue(dateColumn, 'visitDate', 'required', '');
  else if (occurredAt === null) issue(date.column, 'visitDate', 'invalid_date', date.value);
  const amountMinor = amount ? readAmount(amount.value, context.currency) : null;
  if (amount && amountMinor === null) issue(amount.column, 'visitAmount', 'invalid_amount', amount.value);
  if (items && items.value.length > limits.visitItems) issue(items.column, 'visitItems', 'too_long', items.value, limits.visitItems);
  if (note && note.value.length > limits.visitNote) issue(note.column, 'visitNote', 'too_long', note.value, limits.visitNote);
  return occurredAt === null ? null : { occurredAt, amountMinor, items: items?.value ?? '', note: note?.value ?? '' };
};

/**
 * The summary columns of a POS or membership export → the customer's history. A row that names a
 * first or last visit but no count visited at least on those days; with no figure at all (every
 * summary cell empty) there is no history.
 */
const readHistory = (
  cells: Partial<Record<ImportTarget, { value: string; column: string }>>,
  context: RowContext,
  issue: (column: string, target: ImportTarget | null, rule: ImportRowRule, value: string, limit?: number) => void,
): RowHistory | null => {
  const { historyFirstVisit: first, historyLastVisit: last, historyVisitCount: count, historySpent: spent, historyPoints: points, historyMemberLevel: level } = cells;
  if (!first && !last && !count && !spent && !points && !level) return null;
  const instant = (cell: { value: string; column: string } | undefined, target: ImportTarget): string | null => {
    if (!cell) return null;
    const read = readInstant(cell.value, context.timeZone, context.dayFirst);
    if (read === null) issue(cell.column, target, 'invalid_date', cell.value);
    return read;
  };
  const whole = (cell: { value: string; column: string } | undefined, target: ImportTarget): number | null => {
    if (!cell) return null;
    const read = readCount(cell.value);
    if (read === null) issue(cell.column, target, 'invalid_count', cell.value);
    return read;
  };
  let firstVisitAt = instant(first, 'historyFirstVisit');
  let lastVisitAt = instant(last, 'historyLastVisit');
  if (firstVisitAt !== null && lastVisitAt !== null && lastVisitAt < firstVisitAt) {
    issue(last?.column ?? '', 'historyLastVisit', 'last_before_first', last?.value ?? '');
  }
  // One date given: it is both the first and the last visit the old tool knew of.
  firstVisitAt ??= lastVisitAt;
  lastVisitAt ??= firstVisitAt;
  const revenueMinor = spent ? readAmount(spent.value, context.currency) : 0;
  if (spent && revenueMinor === null) issue(spent.column, 'historySpent', 'invalid_amount', spent.value);
  const datedVisits = firstVisitAt === null ? 0 : firstVisitAt === lastVisitAt ? 1 : 2;
  const visitCount = whole(count, 'historyVisitCount') ?? datedVisits;
  const memberLevel = level ? level.value.slice(0, 100) : null;
  const pointsHeld = whole(points, 'historyPoints');
  // "0 visits, 0 spent" (a customer the old tool never saw buy) is no history worth a timeline entry.
  if (visitCount === 0 && !revenueMinor && firstVisitAt === null && !pointsHeld && memberLevel === null) return null;
  return { visitCount: Math.max(visitCount, datedVisits), revenueMinor: revenueMinor ?? 0, firstVisitAt, lastVisitAt, points: pointsHeld, memberLevel };
};
