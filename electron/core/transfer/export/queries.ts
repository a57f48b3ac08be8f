import type { Db } from '../../db/connection';
import { statementsFor } from '../../db/statements';

/** A customer with their phones and labels as JSON arrays, read in one pass for the export. */
export interface DbExportCustomer {
  id: string;
  name: string;
  phones_json: string;
  email: string;
  birthday_month: number | null;
  birthday_day: number | null;
  birthday_year: number | null;
  address: string;
  gender: string | null;
  tags_json: string;
  interests_json: string;
  notes: string;
  source: string | null;
  need_type: string | null;
  owner_staff_id: string | null;
  owner_staff_name: string | null;
  consent_contact: number;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
  first_visit_at: string | null;
  last_visit_at: string | null;
  last_contact_at: string | null;
  visit_count: number;
  revenue_minor: number;
  /** The figures the owner sees on the profile; null before the customer's first tier pass or value fit. */
  tier: string | null;
  quadrant: string | null;
  lapse: 'active' | 'lapsed' | 'lost';
  probability_alive: number | null;
  expected_visits: number | null;
  lifetime_value_minor: number | null;
}

export interface DbExportVisit {
  id: string;
  customer_id: string | null;
  customer_name: string | null;
  kind: 'visit' | 'contact';
  occurred_at: string;
  amount_minor: number | null;
  channel: string;
  items: string;
  note: string;
  satisfaction: number | null;
  staff_id: string | null;
  staff_name: string | null;
  created_at: string;
  archived_at: string | null;
}

export interface DbExportStaff {
  id: string;
  name: string;
  active: number;
  created_at: string;
}

export interface DbExportSatisfaction {
  id: string;
  customer_id: string | null;
  level: number;
  source: string;
  visit_id: string | null;
  answered_at: string;
  note: string;
  staff_id: string | null;
  created_at: string;
}

const labels = (kind: 'tag' | 'interest') => `
  (SELECT json_group_array(t.value ORDER BY t.position) FROM customer_tags t WHERE t.customer_id = c.id AND t.kind = '${kind}')`;

const statements = statementsFor((db) => ({
  customers: db.prepare<{ today: string }, DbExportCustomer>(`
    SELECT c.id, c.name,
      (SELECT json_group_array(json_object('display', p.display, 'e164', p.e164) ORDER BY p.position)
        FROM customer_phones p WHERE p.customer_id = c.id) AS phones_json,
      c.email, c.birthday_month, c.birthday_day, c.birthday_year, c.address, c.gender,
      ${labels('tag')} AS tags_json, ${labels('interest')} AS interests_json,
      c.notes, c.source, c.need_type, c.owner_staff_id, s.name AS owner_staff_name, c.consent_contact,
      c.created_at, c.updated_at, c.archived_at, c.first_visit_at, c.last_visit_at, c.last_contact_at,
      c.visit_count, c.revenue_minor,
      l.tier, l.quadrant,
      CASE WHEN c.lost_at IS NOT NULL THEN 'lost' WHEN c.lapses_on IS NOT NULL AND c.lapses_on <= @today THEN 'lapsed' ELSE 'active' END AS lapse,
      l.value_probability_alive AS probability_alive, l.value_expected_visits AS expected_visits, l.value_lifetime_minor AS lifetime_value_minor
    FROM customers c LEFT JOIN staff s ON s.id = c.owner_staff_id LEFT JOIN customer_loyalty l ON l.customer_id = c.id
    ORDER BY c.id`),
  customerCount: db.prepare<[], number>('SELECT count(*) FROM customers').pluck(),
  visits: db.prepare<[], DbExportVisit>(`
    SELECT v.id, v.customer_id, c.name AS customer_name, v.kind, v.occurred_at, v.amount_minor, v.channel, v.items, v.note,
      a.level AS satisfaction, v.staff_id, st.name AS staff_name, v.created_at, v.archived_at
    FROM visits v
    LEFT JOIN customers c ON c.id = v.customer_id
    LEFT JOIN staff st ON st.id = v.staff_id
    LEFT JOIN satisfaction_answers a ON a.visit_id = v.id
    ORDER BY v.id`),
  visitCounts: db.prepare<[], { visits: number; contacts: number }>(
    "SELECT count(CASE WHEN kind = 'visit' THEN 1 END) AS visits, count(CASE WHEN kind = 'contact' THEN 1 END) AS contacts FROM visits",
  ),
  staff: db.prepare<[], DbExportStaff>('SELECT id, name, active, created_at FROM staff ORDER BY id'),
  staffCount: db.prepare<[], number>('SELECT count(*) FROM staff').pluck(),
  satisfaction: db.prepare<[], DbExportSatisfaction>(
    'SELECT id, customer_id, level, source, visit_id, answered_at, note, staff_id, created_at FROM satisfaction_answers ORDER BY id',
  ),
  satisfactionCount: db.prepare<[], number>('SELECT count(*) FROM satisfaction_answers').pluck(),
}));

export const exportCustomerRows = (db: Db, today: string) => statements(db).customers.iterate({ today });
export const countCustomersForExport = (db: Db): number => statements(db).customerCount.get() ?? 0;
export const exportVisitRows = (db: Db) => statements(db).visits.iterate();
export const countVisitsForExport = (db: Db): { visits: number; contacts: number } =>
  statements(db).visitCounts.get() ?? { visits: 0, contacts: 0 };
export const exportStaffRows = (db: Db) => statements(db).staff.iterate();
export const countStaffForExport = (db: Db): number => statements(db).staffCount.get() ?? 0;
export const exportSatisfactionRows = (db: Db) => statements(db).satisfaction.iterate();
export const countSatisfactionForExport = (db: Db): number => statements(db).satisfactionCount.get() ?? 0;
