/**
 * Turns an audit entry's before/after snapshots into readable lines ("phones: 0912… → 0933…"),
 * for the audit screen and its CSV export alike. Pure: no DOM, no Node.
 */
export interface AuditChange {
  field: string;
  /** Undefined when the entry recorded no "before" (a creation) … */
  before: unknown;
  /** … or no "after" (a deletion). */
  after: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Every field of a one-sided entry, or only the fields that differ when both sides were recorded. */
export const auditChanges = (before: unknown, after: unknown): AuditChange[] => {
  const old = isRecord(before) ? before : null;
  const now = isRecord(after) ? after : null;
  if (old === null && now === null) return [];
  const fields = [...new Set([...Object.keys(old ?? {}), ...Object.keys(now ?? {})])];
  const bothSides = old !== null && now !== null;
  return fields
    .filter((field) => !bothSides || JSON.stringify(old[field]) !== JSON.stringify(now[field]))
    .map((field) => ({ field, before: old === null ? undefined : old[field], after: now === null ? undefined : now[field] }));
};

export interface ValueFormat {
  none: string;
  yes: string;
  no: string;
  /** Fields ending in "Minor" hold money in minor units. */
  money?: (minor: number) => string;
  dateTime?: (iso: string) => string;
  /** A translated label for a stored code (a source, a channel, a language), when there is one; the record type tells apart codes two records share. */
  choice?: (field: string, value: string, entity?: string) => string | undefined;
  /** A field's name, for the fields of a recorded object ("Category: Slow response"). */
  field?: (field: string) => string;
  /** "Refund $800" from a compensation's kind and amount. */
  compensation?: (kind: string, amountMinor: number | null) => string;
  /** "by 5 Dec 2026, 14:00 (kept)" from a complaint's promise. */
  promise?: (dueAt: string, outcome: string | null) => string;
  /** "customers.csv (1,503 rows)" from an export's file. */
  fileRows?: (file: string, rows: number) => string;
  /** The language's punctuation: "Name: Amy; Rows: 3" and "a, b" in English, "姓名：Amy；筆數：3" and "甲、乙" in Chinese. */
  fieldValue?: (field: string, value: string) => string;
  partsSeparator?: string;
  listSeparator?: string;
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

const pad = (value: unknown): string => String(value).padStart(2, '0');

/** Internal ids say nothing to a reader; the names recorded beside them do. */
const isReference = (field: string): boolean => field === 'id' || field.endsWith('Id');

/**
 * One recorded value as text: phones by their display form, people and customers by name, money in
 * the shop's currency, codes by their labels, and a recorded object field by field — never as JSON.
 */
export const formatAuditValue = (field: string, value: unknown, format: ValueFormat, entity?: string): string => {
  if (value === null || value === undefined || value === '') return format.none;
  if (typeof value === 'boolean') return value ? format.yes : format.no;
  if (typeof value === 'number') return field.endsWith('Minor') && format.money ? format.money(value) : (format.choice?.(field, String(value), entity) ?? String(value));
  if (typeof value === 'string') {
    if (format.dateTime && isoInstant.test(value)) return format.dateTime(value);
    return format.choice?.(field, value, entity) ?? value;
  }
  if (Array.isArray(value)) return value.length === 0 ? format.none : value.map((item) => formatAuditValue(field, item, format, entity)).join(format.listSeparator ?? ', ');
  if (isRecord(value)) {
    if (typeof value.display === 'string') return value.display;
    if (typeof value.name === 'string') return value.name;
    if (typeof value.month === 'number' && typeof value.day === 'number') {
      return `${typeof value.year === 'number' ? `${value.year}-` : ''}${pad(value.month)}-${pad(value.day)}`;
    }
    if (typeof value.kind === 'string' && typeof value.count === 'number') return `${format.choice?.('records', value.kind, entity) ?? value.kind} ${value.count}`;
    if (format.compensation && typeof value.kind === 'string' && 'amountMinor' in value) {
      return format.compensation(value.kind, typeof value.amountMinor === 'number' ? value.amountMinor : null);
    }
    if (format.promise && typeof value.dueAt === 'string') return format.promise(value.dueAt, typeof value.outcome === 'string' ? value.outcome : null);
    if (format.fileRows && typeof value.path === 'string' && typeof value.rows === 'number') return format.fileRows(value.path, value.rows);
    const parts = Object.entries(value)
      .filter(([key, item]) => !isReference(key) && item !== null && item !== undefined && item !== '')
      .map(([key, item]) => {
        const label = format.field?.(key) ?? key;
        const shown = formatAuditValue(key, item, format, entity);
        return format.fieldValue ? format.fieldValue(label, shown) : `${label}: ${shown}`;
      });
    return parts.length === 0 ? format.none : parts.join(format.partsSeparator ?? '; ');
  }
  return JSON.stringify(value);
};
