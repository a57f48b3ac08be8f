import type { ValueFormat } from './audit-changes';
import { reminderKind } from './reminders/kinds';
import { auditLabels, labelOf } from './i18n/audit';
import { fill } from './i18n/messages';
import type { Language } from './locale';

export interface AuditFormatOptions {
  money: (minor: number) => string;
  dateTime: (iso: string) => string;
  /** A staff member's name by id, for "looked after by". */
  staffName?: (id: string) => string | undefined;
}

const displayName = (language: Language, type: 'region' | 'currency', code: string): string | undefined => {
  try {
    return new Intl.DisplayNames([language], { type }).of(code);
  } catch {
    return undefined;
  }
};

/**
 * How the audit trail's recorded values read in one language — the same on the audit screen and in
 * its CSV export: codes by their labels, money in the shop's currency, references by name.
 */
export const auditValueFormat = (language: Language, options: AuditFormatOptions): ValueFormat => {
  const labels = auditLabels[language];
  const { values } = labels;
  const choices: Record<string, (value: string, entity?: string) => string | undefined> = {
    purpose: (value) => labelOf(labels.purposes, value),
    reason: (value) => (Object.hasOwn(values.lostReason, value) ? labelOf(values.lostReason, value) : labelOf(labels.lockReasons, value)),
    records: (value) => labelOf(labels.records, value),
    category: (value) => labelOf(values.category, value),
    severity: (value) => labelOf(values.severity, value),
    state: (value) => labelOf(values.state, value),
    channel: (value, entity) => labelOf(entity === 'complaint' ? values.complaintChannel : values.channel, value),
    outcome: (value) => labelOf(values.outcome, value),
    status: (value) => labelOf(values.status, value),
    what: (value) => labelOf(values.what, value),
    level: (value) => labelOf(values.satisfaction, value),
    satisfaction: (value) => labelOf(values.satisfaction, value),
    source: (value) => labelOf(values.source, value),
    needType: (value) => labelOf(values.needType, value),
    gender: (value) => labelOf(values.gender, value),
    language: (value) => labelOf(values.language, value),
    rewardKind: (value) => labelOf(values.rewardKind, value),
    /** A reminder's kind, or whether a visit record is a visit or a contact. */
    kind: (value, entity) => (entity === 'reminder' ? reminderKind(value)?.label[language] : Object.hasOwn(values.visitKind, value) ? labelOf(values.visitKind, value) : undefined),
    ownerStaffId: (value) => options.staffName?.(value),
    staffId: (value) => options.staffName?.(value),
    // Codes of the world, by their names in the language: TW → Taiwan / 台灣, TWD → New Taiwan Dollar / 新台幣.
    country: (value) => displayName(language, 'region', value),
    currency: (value) => displayName(language, 'currency', value),
    // A backup's flag, recorded as SQLite's 0 or 1.
    encrypted: (value) => (value === '1' ? labels.csv.yes : value === '0' ? labels.csv.no : undefined),
  };
  return {
    none: '—',
    yes: labels.csv.yes,
    no: labels.csv.no,
    money: options.money,
    dateTime: options.dateTime,
    choice: (field, value, entity) => choices[field]?.(value, entity),
    field: (field) => labelOf(labels.fields, field),
    compensation: (kind, amountMinor) =>
      fill(labels.phrases.compensation, { kind: labelOf(values.compensationKind, kind), amount: amountMinor === null ? '' : options.money(amountMinor) }).trim(),
    promise: (dueAt, outcome) =>
      outcome === null
        ? fill(labels.phrases.promiseDue, { due: options.dateTime(dueAt) })
        : fill(labels.phrases.promiseSettled, { due: options.dateTime(dueAt), outcome: labelOf(values.outcome, outcome) }),
    fileRows: (file, rows) => fill(labels.phrases.fileRows, { file, rows: new Intl.NumberFormat(language).format(rows) }),
    fieldValue: (field, value) => fill(labels.phrases.fieldValue, { field, value }),
    partsSeparator: labels.phrases.partsSeparator,
    listSeparator: labels.phrases.listSeparator,
  };
};
