import type { SatisfactionLevel } from '../../../shared/contract/fields';
import type { ContactMethod, Visit, VisitChannel } from '../../../shared/contract/visits';
import type { DbVisitRow } from './queries';

export const toVisit = (row: DbVisitRow): Visit => ({
  id: row.id,
  customerId: row.customer_id,
  customerName: row.customer_name,
  kind: row.kind,
  occurredAt: row.occurred_at,
  amountMinor: row.amount_minor,
  channel: row.channel as VisitChannel | ContactMethod,
  items: row.items,
  note: row.note,
  satisfaction: row.satisfaction as SatisfactionLevel | null,
  staffId: row.staff_id,
  staffName: row.staff_name,
  archived: row.archived_at !== null,
});
