import type { CustomerStatusEvent, LostReason, WinBackAttempt, WinBackOutcome } from '../../../shared/contract/winback';
import type { DbAttemptRow, DbStatusEventRow } from './queries';

export const toAttempt = (row: DbAttemptRow): WinBackAttempt => ({
  id: row.id,
  customerId: row.customer_id,
  reminderId: row.reminder_id,
  outcome: row.outcome as WinBackOutcome,
  note: row.note,
  staffId: row.staff_id,
  staffName: row.staff_name,
  attemptedAt: row.attempted_at,
});

export const toStatusEvent = (row: DbStatusEventRow): CustomerStatusEvent => ({
  id: row.id,
  customerId: row.customer_id,
  kind: row.kind,
  reason: row.reason as LostReason | null,
  note: row.note,
  from: row.came_back_from,
  daysAway: row.days_away,
  afterAttempt: row.after_attempt === 1,
  visitId: row.visit_id,
  staffId: row.staff_id,
  staffName: row.staff_name,
  at: row.at,
});
