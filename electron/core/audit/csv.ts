import { DateTime } from 'luxon';
import Papa from 'papaparse';
import { auditChanges, formatAuditValue, type ValueFormat } from '../../../shared/audit-changes';
import type { AuditLogEntry } from '../../../shared/contract/audit';
import { auditLabels, labelOf } from '../../../shared/i18n/audit';
import type { Language } from '../../../shared/locale';

/** Excel reads a CSV as UTF-8 (and so reads Chinese) only when it starts with this mark. */
const byteOrderMark = '\uFEFF';

/**
 * The audit trail as a spreadsheet: readable columns in the owner's language (local time, who,
 * what, "field: before → after"), then the raw JSON for anyone who needs the exact record.
 * Cells that a spreadsheet would run as a formula (=, +, -, @) are escaped.
 */
export const auditCsv = (entries: Iterable<AuditLogEntry>, language: Language, timeZone: string): { csv: string; rows: number } => {
  const labels = auditLabels[language];
  const format: ValueFormat = {
    none: '—',
    yes: labels.csv.yes,
    no: labels.csv.no,
    dateTime: (iso) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(timeZone).toFormat('yyyy-MM-dd HH:mm'),
    choice: (field, value) => {
      if (field === 'purpose') return labelOf(labels.purposes, value);
      if (field === 'reason') return labelOf(labels.lockReasons, value);
      if (field === 'records') return labelOf(labels.records, value);
      return undefined;
    },
  };
  const data: string[][] = [];
  for (const entry of entries) {
    const changes = auditChanges(entry.before, entry.after).map(({ field, before, after }) => {
      const name = labelOf(labels.fields, field);
      if (before === undefined) return `${name}: ${formatAuditValue(field, after, format)}`;
      if (after === undefined) return `${name}: ${formatAuditValue(field, before, format)}`;
      return `${name}: ${formatAuditValue(field, before, format)} → ${formatAuditValue(field, after, format)}`;
    });
    data.push([
      DateTime.fromISO(entry.at, { zone: 'utc' }).setZone(timeZone).toFormat('yyyy-MM-dd HH:mm:ss'),
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
  ];
  return { csv: byteOrderMark + Papa.unparse({ fields, data }, { escapeFormulae: true, newline: '\r\n' }), rows: data.length };
};
