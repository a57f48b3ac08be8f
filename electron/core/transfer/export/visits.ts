import { decimalAmount, localDateTime } from './format';
import { countVisitsForExport, exportVisitRows, type DbExportVisit } from './queries';
import { defineExportTable } from './table';

/** Visits and contacts, one row each; walk-ins have no customer. */
export const visitsExport = defineExportTable<DbExportVisit>({
  name: 'visits',
  rows: exportVisitRows,
  count: (db) => {
    const { visits, contacts } = countVisitsForExport(db);
    return visits + contacts;
  },
  counts: (db) => ({ ...countVisitsForExport(db) }),
  json: (row) => ({
    id: row.id,
    customerId: row.customer_id,
    kind: row.kind,
    occurredAt: row.occurred_at,
    amountMinor: row.amount_minor,
    channel: row.channel,
    items: row.items,
    note: row.note,
    staffId: row.staff_id,
    createdAt: row.created_at,
    archivedAt: row.archived_at,
  }),
  csv: [
    { header: (w) => w.visitColumns.id, value: (row) => row.id },
    { header: (w) => w.visitColumns.occurredAt, value: (row, c) => localDateTime(row.occurred_at, c.timeZone) },
    { header: (w) => w.visitColumns.kind, value: (row, c) => (row.kind === 'visit' ? c.words.values.visit : c.words.values.contact) },
    { header: (w) => w.visitColumns.customerId, value: (row) => row.customer_id ?? '' },
    { header: (w) => w.visitColumns.customerName, value: (row) => row.customer_name ?? '' },
    { header: (w) => w.visitColumns.amount, value: (row, c) => decimalAmount(row.amount_minor, c.currency), number: true },
    {
      header: (w) => w.visitColumns.channel,
      value: (row, c) => c.words.values.channel[row.channel as keyof typeof c.words.values.channel] ?? row.channel,
    },
    { header: (w) => w.visitColumns.items, value: (row) => row.items },
    { header: (w) => w.visitColumns.note, value: (row) => row.note },
    {
      header: (w) => w.visitColumns.satisfaction,
      value: (row, c) => (row.satisfaction === null ? '' : (c.words.values.satisfaction[String(row.satisfaction) as '0'] ?? '')),
    },
    { header: (w) => w.visitColumns.staff, value: (row) => row.staff_name ?? '' },
    { header: (w) => w.visitColumns.status, value: (row, c) => (row.archived_at === null ? c.words.values.active : c.words.values.archived) },
  ],
});
