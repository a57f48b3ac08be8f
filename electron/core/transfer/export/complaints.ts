import { countComplaintPromisesForExport, countComplaintsForExport, countComplaintTransitionsForExport, type DbExportComplaint, type DbExportComplaintPromise, type DbExportComplaintTransition, exportComplaintPromiseRows, exportComplaintRows, exportComplaintTransitionRows } from '../../complaints';
import type { Messages } from '../../../../shared/i18n/messages';
import type { TransferMessages } from '../../../../shared/i18n/transfer';
import { decimalAmount, localDateTime } from './format';
import { defineExportTable } from './table';

type Words = Messages<TransferMessages>;

/** A stored code in the owner's language (codes the words do not know are written as they are). */
const valueOf = <K extends keyof Words['values']>(words: Words, group: K, key: string | null): string => {
  if (key === null) return '';
  const labels = words.values[group] as Record<string, string>;
  return labels[key] ?? key;
};

/** Every complaint with its current promises, resolution, compensation and escalation. */
export const complaintsExport = defineExportTable<DbExportComplaint>({
  name: 'complaints',
  rows: (db) => exportComplaintRows(db),
  count: (db) => countComplaintsForExport(db),
  counts: (db) => ({ complaints: countComplaintsForExport(db) }),
  json: (row) => ({
    id: row.id,
    customerId: row.customer_id,
    channel: row.channel,
    category: row.category,
    severity: row.severity,
    description: row.description,
    ownerStaffId: row.owner_staff_id,
    state: row.state,
    receivedAt: row.received_at,
    replyBy: row.reply_due_at,
    replyOutcome: row.reply_outcome,
    resolveBy: row.resolve_due_at,
    resolveOutcome: row.resolve_outcome,
    repliedAt: row.replied_at,
    resolvedAt: row.resolved_at,
    resolution: row.resolution,
    compensationKind: row.compensation_kind,
    compensationMinor: row.compensation_minor,
    escalationStatus: row.escalation_status,
    escalationKind: row.escalation_kind,
    escalationMinor: row.escalation_minor,
    escalationNote: row.escalation_note,
    escalationRequestedAt: row.escalation_requested_at,
    escalationDecidedAt: row.escalation_decided_at,
    escalationDecisionNote: row.escalation_decision_note,
    satisfactionAnswerId: row.satisfaction_answer_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }),
  csv: [
    { header: (w) => w.complaintColumns.id, value: (row) => row.id },
    { header: (w) => w.complaintColumns.customerId, value: (row) => row.customer_id ?? '' },
    { header: (w) => w.complaintColumns.customerName, value: (row) => row.customer_name ?? '' },
    { header: (w) => w.complaintColumns.receivedAt, value: (row, c) => localDateTime(row.received_at, c.timeZone) },
    { header: (w) => w.complaintColumns.channel, value: (row, c) => valueOf(c.words, 'complaintChannel', row.channel) },
    { header: (w) => w.complaintColumns.category, value: (row, c) => valueOf(c.words, 'complaintCategory', row.category) },
    { header: (w) => w.complaintColumns.severity, value: (row, c) => valueOf(c.words, 'severity', row.severity) },
    { header: (w) => w.complaintColumns.description, value: (row) => row.description },
    { header: (w) => w.complaintColumns.owner, value: (row) => row.owner_staff_name ?? '' },
    { header: (w) => w.complaintColumns.state, value: (row, c) => valueOf(c.words, 'complaintState', row.state) },
    { header: (w) => w.complaintColumns.replyBy, value: (row, c) => localDateTime(row.reply_due_at, c.timeZone) },
    { header: (w) => w.complaintColumns.replyKept, value: (row, c) => valueOf(c.words, 'promiseOutcome', row.reply_outcome) },
    { header: (w) => w.complaintColumns.resolveBy, value: (row, c) => localDateTime(row.resolve_due_at, c.timeZone) },
    { header: (w) => w.complaintColumns.resolveKept, value: (row, c) => valueOf(c.words, 'promiseOutcome', row.resolve_outcome) },
    { header: (w) => w.complaintColumns.resolvedAt, value: (row, c) => localDateTime(row.resolved_at, c.timeZone) },
    { header: (w) => w.complaintColumns.resolution, value: (row) => row.resolution },
    { header: (w) => w.complaintColumns.compensationKind, value: (row, c) => valueOf(c.words, 'compensationKind', row.compensation_kind) },
    { header: (w) => w.complaintColumns.compensation, value: (row, c) => decimalAmount(row.compensation_minor, c.currency), number: true },
    { header: (w) => w.complaintColumns.escalation, value: (row, c) => valueOf(c.words, 'escalationStatus', row.escalation_status) },
    { header: (w) => w.complaintColumns.satisfaction, value: (row, c) => (row.satisfaction_level === null ? '' : c.words.values.satisfaction[String(row.satisfaction_level) as '0']) },
  ],
});

/** Every promise made, kept or broken: part of the full JSON export. */
export const complaintPromisesExport = defineExportTable<DbExportComplaintPromise>({
  name: 'complaintPromises',
  rows: (db) => exportComplaintPromiseRows(db),
  count: (db) => countComplaintPromisesForExport(db),
  counts: () => ({}),
  json: (row) => ({ id: row.id, complaintId: row.complaint_id, kind: row.kind, dueAt: row.due_at, outcome: row.outcome, settledAt: row.settled_at, createdAt: row.created_at }),
  csv: null,
});

/** Every step of every complaint, with who took it: part of the full JSON export. */
export const complaintTransitionsExport = defineExportTable<DbExportComplaintTransition>({
  name: 'complaintTransitions',
  rows: (db) => exportComplaintTransitionRows(db),
  count: (db) => countComplaintTransitionsForExport(db),
  counts: () => ({}),
  json: (row) => ({
    id: row.id,
    complaintId: row.complaint_id,
    action: row.action,
    fromState: row.from_state,
    toState: row.to_state,
    at: row.at,
    actorRole: row.actor_role,
    staffId: row.staff_id,
    note: row.note,
  }),
  csv: null,
});
