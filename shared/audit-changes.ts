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
  /** A translated label for a stored code (a source, a channel, a language), when there is one. */
  choice?: (field: string, value: string) => string | undefined;
}

const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

const pad = (value: unknown): string => String(value).padStart(2, '0');

/** One recorded value as text: phones by their display form, people and customers by name. */
export const formatAuditValue = (field: string, value: unknown, format: ValueFormat): string => {
  if (value === null || value === undefined || value === '') return format.none;
  if (typeof value === 'boolean') return value ? format.yes : format.no;
  if (typeof value === 'number') return field.endsWith('Minor') && format.money ? format.money(value) : String(value);
  if (typeof value === 'string') {
    if (format.dateTime && isoInstant.test(value)) return format.dateTime(value);
    return format.choice?.(field, value) ?? value;
  }
  if (Array.isArray(value)) return value.length === 0 ? format.none : value.map((item) => formatAuditValue(field, item, format)).join(', ');
  if (isRecord(value)) {
    if (typeof value.display === 'string') return value.display;
    if (typeof value.name === 'string') return value.name;
    if (typeof value.month === 'number' && typeof value.day === 'number') {
      return `${typeof value.year === 'number' ? `${value.year}-` : ''}${pad(value.month)}-${pad(value.day)}`;
    }
    if (typeof value.kind === 'string' && typeof value.count === 'number') return `${format.choice?.('records', value.kind) ?? value.kind} ${value.count}`;
  }
  return JSON.stringify(value);
};
