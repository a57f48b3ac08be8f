import Papa from 'papaparse';
import { auditChanges, formatAuditValue } from '../../../shared/audit-changes';
import { auditValueFormat } from '../../../shared/audit-format';
import type { AuditLogEntry } from '../../../shared/contract/audit';
import { auditLabels, labelOf } from '../../../shared/i18n/audit';
import type { Language } from '../../../shared/locale';
import { formatMoney } from '../../../shared/money';

/** Excel reads a CSV as UTF-8 (and so reads Chinese) only when it starts with this mark. */
const byteOrderMark = '\uFEFF';

const quarterHourMs = 15 * 60_000;

/**
 * Shop-local wall-clock time as "2026-03-02 01:30:00", fast enough for a log of hundreds of thousands
 * of entries: the zone's offset is looked up once per quarter hour (offsets only change on those
 * boundaries) instead of formatting every instant through the time-zone database.
 */
const localClock = (timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const offsets = new Map<number, number>();
  const offsetAt = (ms: number): number => {
    const bucket = Math.floor(ms / quarterHourMs);
    let offset = offsets.get(bucket);
    if (offset === undefined) {
      const at = bucket * quarterHourMs;
      const field = Object.fromEntries(parts.formatToParts(at).map((part) => [part.type, Number(part.value)]));
      offset = Date.UTC(field.year!, field.month! - 1, field.day!, field.hour!, field.minute!, field.second!) - at;
      offsets.set(bucket, offset);
    }
    return offset;
  };
  return (iso: string): string => {
    const ms = Date.parse(iso);
    return new Date(ms + offsetAt(ms)).toISOString().slice(0, 19).replace('T', ' ');
  };
};

/**
 * The audit trail as a spreadsheet: readable columns in the owner's language (local time, who,
 * what, "field: before → after"), then the raw JSON for anyone who needs the exact record.
 * Cells that a spreadsheet would run as a formula (=, +, -, @) are escaped.
 */
export interface AuditCsvShop {
  language: Language;
  timeZone: string;
  currency: string;
  staffName: (id: string) => string | undefined;
}

export const auditCsv = (entries: Iterable<AuditLogEntry>, shop: AuditCsvShop): { csv: string; rows: number } => {
  const labels = auditLabels[shop.language];
  const local = localClock(shop.timeZone);
  const format = auditValueFormat(shop.language, {
    money: (minor) => formatMoney(minor, shop.currency, shop.language),
    dateTime: (iso) => local(iso).slice(0, 16),
    staffName: shop.staffName,
  });
  const data: string[][] = [];
  for (const entry of entries) {
    const changes = auditChanges(entry.before, entry.after).map(({ field, before, after }) => {
      const name = labelOf(labels.fields, field);
      if (before === undefined) return `${name}: ${formatAuditValue(field, after, format, entry.entity)}`;
      if (after === undefined) return `${name}: ${formatAuditValue(field, before, format, entry.entity)}`;
      return `${name}: ${formatAuditValue(field, before, format, entry.entity)} → ${formatAuditValue(field, after, format, entry.entity)}`;
    });
    data.push([
      local(entry.at),
      entry.at,
      labelOf(labels.roles, entry.actorRole),
      entry.staffName ?? '',
      labelOf(labels.actions, entry.action),
      entry.action,
      labelOf(labels.entities, entry.entity),
      entry.entityId ?? '',
      entry.entityLabel ?? '',
      changes.join('\n'),
      entry.before === null ? '' : JSON.stringify(entry.before),
      entry.after === null ? '' : JSON.stringify(entry.after),
      entry.note,
      entry.deviceId === null ? '' : (entry.deviceName ?? entry.deviceId),
    ]);
  }
  const columns = labels.csv;
  const fields = [
    columns.time,
    columns.timeUtc,
    columns.role,
    columns.staff,
    columns.action,
    columns.actionCode,
    columns.entity,
    columns.entityId,
    columns.entityName,
    columns.changes,
    columns.before,
    columns.after,
    columns.note,
    columns.device,
  ];
  return { csv: byteOrderMark + Papa.unparse({ fields, data }, { escapeFormulae: true, newline: '\r\n' }), rows: data.length };
};
