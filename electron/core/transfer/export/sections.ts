import { countSatisfactionForExport, countStaffForExport, exportSatisfactionRows, exportStaffRows, type DbExportSatisfaction, type DbExportStaff } from './queries';
import { defineExportTable } from './table';

/** Staff and satisfaction answers: part of the full JSON export (and backups' counts), not CSV kinds of their own. */
export const staffExport = defineExportTable<DbExportStaff>({
  name: 'staff',
  rows: exportStaffRows,
  count: countStaffForExport,
  counts: (db) => ({ staff: countStaffForExport(db) }),
  json: (row) => ({ id: row.id, name: row.name, active: row.active === 1, createdAt: row.created_at }),
  csv: null,
});

export const satisfactionExport = defineExportTable<DbExportSatisfaction>({
  name: 'satisfaction',
  rows: exportSatisfactionRows,
  count: countSatisfactionForExport,
  counts: () => ({}),
  json: (row) => ({
    id: row.id,
    customerId: row.customer_id,
    level: row.level,
    source: row.source,
    visitId: row.visit_id,
    answeredAt: row.answered_at,
    note: row.note,
    staffId: row.staff_id,
    createdAt: row.created_at,
  }),
  csv: null,
});
