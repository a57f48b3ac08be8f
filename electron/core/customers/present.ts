import type { Role } from '../../../shared/contract/define';
import type { CustomerDetail, CustomerListRow, CustomerSummary, CustomerSource, Gender, NeedType } from '../../../shared/contract/customers';
import type { Db } from '../db/connection';
import { getCustomerRow, phonesByCustomer, tagsByCustomer } from './queries';
import type { DbCustomerListRow } from './rows';

/** List and search rows with their phones and tags, read in two batched queries. */
export const toSummaries = (db: Db, rows: readonly DbCustomerListRow[]): CustomerSummary[] => {
  const ids = rows.map((row) => row.id);
  const phones = phonesByCustomer(db, ids);
  const tags = tagsByCustomer(db, ids);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    phones: (phones.get(row.id) ?? []).map((phone) => phone.display),
    email: row.email,
    tags: (tags.get(row.id) ?? []).filter((tag) => tag.kind === 'tag').map((tag) => tag.value),
    archived: row.archived_at !== null,
    lastSeenAt: row.last_seen_at,
    lastVisitAt: row.last_visit_at,
    lastContactAt: row.last_contact_at,
    visitCount: row.visit_count,
  }));
};

/** Rows of the customer list: the summaries with the last visit, and spend for the owner only. */
export const toListRows = (db: Db, rows: readonly DbCustomerListRow[], role: Role): CustomerListRow[] => {
  const summaries = toSummaries(db, rows);
  return rows.map((row, index) => ({ ...summaries[index]!, lastVisitAt: row.last_visit_at, revenueMinor: role === 'owner' ? row.revenue_minor : null }));
};

export const readCustomerDetail = (db: Db, id: string, role: Role): CustomerDetail | null => {
  const row = getCustomerRow(db, id);
  if (row === null) return null;
  const phones = phonesByCustomer(db, [id]).get(id) ?? [];
  const tags = tagsByCustomer(db, [id]).get(id) ?? [];
  return {
    id: row.id,
    name: row.name,
    phones: phones.map((phone) => ({ display: phone.display, e164: phone.e164 })),
    email: row.email,
    birthday: row.birthday_month !== null && row.birthday_day !== null
      ? { month: row.birthday_month, day: row.birthday_day, year: row.birthday_year }
      : null,
    address: row.address,
    gender: row.gender as Gender | null,
    tags: tags.filter((tag) => tag.kind === 'tag').map((tag) => tag.value),
    interests: tags.filter((tag) => tag.kind === 'interest').map((tag) => tag.value),
    notes: row.notes,
    source: row.source as CustomerSource | null,
    needType: row.need_type as NeedType | null,
    ownerStaffId: row.owner_staff_id,
    consentToContact: row.consent_contact === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    archivedAt: row.archived_at,
    firstVisitAt: row.first_visit_at,
    lastVisitAt: row.last_visit_at,
    lastContactAt: row.last_contact_at,
    visitCount: row.visit_count,
    revenueMinor: role === 'owner' ? row.revenue_minor : null,
  };
};
