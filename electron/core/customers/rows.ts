/** Row shapes as SQLite returns them; kept apart from the domain types in shared/contract. */
export interface DbCustomerRow {
  rid: number;
  id: string;
  name: string;
  name_key: string;
  email: string;
  email_key: string;
  birthday_month: number | null;
  birthday_day: number | null;
  birthday_year: number | null;
  address: string;
  gender: string | null;
  notes: string;
  source: string | null;
  need_type: string | null;
  owner_staff_id: string | null;
  consent_contact: number;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  first_visit_at: string | null;
  last_visit_at: string | null;
  last_contact_at: string | null;
  last_seen_at: string;
  visit_count: number;
  revenue_minor: number;
  /** Phone digits and tags as text, so the full-text row is built from the customer row alone. */
  search_phones: string;
  search_tags: string;
}

export interface DbPhoneRow {
  customer_id: string;
  position: number;
  display: string;
  e164: string | null;
}

export interface DbTagRow {
  customer_id: string;
  kind: 'tag' | 'interest';
  value: string;
}

/** The columns a list or search row needs (not the whole customer). */
export type DbCustomerListRow = Pick<DbCustomerRow, 'rid' | 'id' | 'name' | 'email' | 'archived_at' | 'last_seen_at' | 'visit_count' | 'last_visit_at' | 'last_contact_at' | 'revenue_minor'>;

export const listColumns = 'c.rid, c.id, c.name, c.email, c.archived_at, c.last_seen_at, c.visit_count, c.last_visit_at, c.last_contact_at, c.revenue_minor';
