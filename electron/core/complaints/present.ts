import type { Complaint, ComplaintPromise, ComplaintTransition, CompensationKind, ComplaintCategory, ComplaintChannel, EscalationStatus } from '../../../shared/contract/complaints';
import type { Role } from '../../../shared/contract/define';
import type { SatisfactionLevel } from '../../../shared/contract/fields';
import type { Severity } from '../../../shared/complaints/deadlines';
import type { ComplaintState } from '../../../shared/complaints/lifecycle';
import type { PromiseKind, PromiseOutcome } from '../../../shared/complaints/promises';
import type { DbComplaintRow, DbPromiseRow, DbTransitionRow } from './queries';

export const toPromise = (row: DbPromiseRow): ComplaintPromise => ({
  id: row.id,
  kind: row.kind as PromiseKind,
  dueAt: row.due_at,
  outcome: row.outcome as PromiseOutcome | null,
  settledAt: row.settled_at,
});

/** Staff see what was given, not how much: compensation amounts are the owner's. */
const amountFor = (role: Role, minor: number | null): number | null => (role === 'owner' ? minor : null);

export const toComplaint = (row: DbComplaintRow, promises: ReadonlyMap<string, DbPromiseRow>, role: Role): Complaint => {
  const reply = promises.get(row.reply_promise_id);
  const resolve = promises.get(row.resolve_promise_id);
  if (reply === undefined || resolve === undefined) throw new Error(`complaint ${row.id} has lost its promises`);
  return {
    id: row.id,
    customerId: row.customer_id,
    customerName: row.customer_name,
    channel: row.channel as ComplaintChannel,
    category: row.category as ComplaintCategory,
    severity: row.severity as Severity,
    description: row.description,
    ownerStaffId: row.owner_staff_id,
    ownerStaffName: row.owner_staff_name,
    state: row.state as ComplaintState,
    receivedAt: row.received_at,
    reply: toPromise(reply),
    resolve: toPromise(resolve),
    resolution: row.resolution,
    compensation: row.compensation_kind === null ? null : { kind: row.compensation_kind as CompensationKind, amountMinor: amountFor(role, row.compensation_minor) },
    escalation:
      row.escalation_status === null || row.escalation_requested_at === null
        ? null
        : {
            status: row.escalation_status as EscalationStatus,
            proposed: { kind: (row.escalation_kind ?? 'other') as CompensationKind, amountMinor: amountFor(role, row.escalation_minor) },
            note: row.escalation_note,
            requestedAt: row.escalation_requested_at,
            decidedAt: row.escalation_decided_at,
            decisionNote: row.escalation_decision_note,
          },
    satisfaction: row.satisfaction_level as SatisfactionLevel | null,
    resolvedAt: row.resolved_at,
    updatedAt: row.updated_at,
  };
};

export const toTransition = (row: DbTransitionRow): ComplaintTransition => ({
  id: row.id,
  action: row.action as ComplaintTransition['action'],
  fromState: row.from_state as ComplaintState | null,
  toState: row.to_state as ComplaintState,
  at: row.at,
  staffId: row.staff_id,
  staffName: row.staff_name,
  role: row.actor_role as 'owner' | 'staff',
  note: row.note,
});
