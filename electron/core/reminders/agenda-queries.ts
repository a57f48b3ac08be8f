import type { AssigneeFilter } from '../../../shared/contract/reminders';
import type { Db } from '../db/connection';
import { jsonList, statementsFor } from '../db/statements';
import { reminderColumns, type DbReminderRow } from './queries';

export interface DbAgendaRow extends DbReminderRow {
  customer_name: string | null;
  consent_contact: number | null;
  visit_count: number | null;
  visit_rhythm_days: number | null;
  last_activity_at: string | null;
  lost_at: string | null;
  assignee_name: string | null;
}

interface FilterParams {
  all_kinds: number;
  kinds: string;
  assignee_mode: 'anyone' | 'nobody' | 'staff';
  assignee_id: string | null;
}

// The agenda reads the open reminders by day, kind and assignee from reminders_open_agenda, and
// each section reads only the rows it shows. (Archived customers have no open reminders: the
// reminders core closes them on archiving.)
const filters = `AND (@all_kinds = 1 OR r.kind IN (SELECT value FROM json_each(@kinds)))
  AND (@assignee_mode = 'anyone'
    OR (@assignee_mode = 'nobody' AND r.assignee_id IS NULL)
    OR (@assignee_mode = 'staff' AND r.assignee_id = @assignee_id))`;
const columns = `${reminderColumns}, c.name AS customer_name, c.consent_contact, c.visit_count, c.visit_rhythm_days,
    CASE WHEN c.id IS NOT NULL THEN nullif(max(coalesce(c.last_visit_at, ''), coalesce(c.last_contact_at, '')), '') END AS last_activity_at,
    c.lost_at, st.name AS assignee_name`;
// Win-back calls of a day come likeliest-to-return first (the value model's chance they are still
// a customer, beside the rhythm that made them due); unknown chances last. The chance is looked up
// for win-backs alone.
const chance = "CASE WHEN r.kind = 'win_back' THEN (SELECT l.value_probability_alive FROM customer_loyalty l WHERE l.customer_id = r.customer_id) END";
// In index order by day and kind, so LIMIT stops early (only a day's rows of a kind are sorted);
// overdue ones newest first (yesterday's before last month's).
const forwards = (of: string) => `${of}day, ${of}kind, ${of}chance DESC NULLS LAST, ${of}assignee, ${of}rid`;
const backwards = (of: string) => `${of}day DESC, ${of}kind DESC, ${of}chance DESC NULLS LAST, ${of}assignee DESC, ${of}rid DESC`;
/**
 * A section's page: the reminders shown are picked from the index first, and only they are joined
 * to their customer and assignee (a day of win-backs runs to hundreds of reminders, a page to 100).
 */
const page = (where: string, order: (of: string) => string) => `
  WITH picked AS (
    SELECT r.rowid AS rid, r.agenda_day AS day, r.kind AS kind, ${chance} AS chance, r.assignee_id AS assignee
    FROM reminders r WHERE r.status = 'open' AND ${where} ${filters}
    ORDER BY ${order('')} LIMIT @limit
  )
  SELECT ${columns}
  FROM picked p
  JOIN reminders r ON r.rowid = p.rid
  LEFT JOIN customers c ON c.id = r.customer_id
  LEFT JOIN staff st ON st.id = r.assignee_id
  ORDER BY ${order('p.')}`;

const statements = statementsFor((db) => ({
  before: db.prepare<FilterParams & { day: string; limit: number }, DbAgendaRow>(page('r.agenda_day < @day', backwards)),
  on: db.prepare<FilterParams & { day: string; limit: number }, DbAgendaRow>(page('r.agenda_day = @day', forwards)),
  between: db.prepare<FilterParams & { first: string; last: string; limit: number }, DbAgendaRow>(page('r.agenda_day BETWEEN @first AND @last', forwards)),
  // reminders_open_counts (migration 019), in grouping order and covering: agenda_day is spelled
  // out as what it is made of (migration 005), since naming a generated column makes SQLite read
  // the row. Every section's total and every filter's count come from these few rows.
  counts: db.prepare<{ today: string; last: string }, DbAgendaCount>(`
    SELECT kind, assignee_id,
      sum(coalesce(snoozed_until, due_day) < @today) AS overdue,
      sum(coalesce(snoozed_until, due_day) = @today) AS today,
      sum(coalesce(snoozed_until, due_day) > @today) AS upcoming
    FROM reminders
    WHERE status = 'open' AND coalesce(snoozed_until, due_day) <= @last
    GROUP BY kind, assignee_id`),
}));

/** Open reminders up to a day, of one kind and assignee: how many are overdue, due today and coming. */
export interface DbAgendaCount {
  kind: string;
  assignee_id: string | null;
  overdue: number;
  today: number;
  upcoming: number;
}

export interface AgendaFilter {
  kinds: readonly string[];
  assignee: AssigneeFilter;
}

const filterParams = (filter: AgendaFilter): FilterParams => ({
  all_kinds: filter.kinds.length === 0 ? 1 : 0,
  kinds: jsonList(filter.kinds),
  assignee_mode: typeof filter.assignee === 'string' ? filter.assignee : 'staff',
  assignee_id: typeof filter.assignee === 'string' ? null : filter.assignee.staffId,
});

export const overdueRows = (db: Db, today: string, filter: AgendaFilter, limit: number): DbAgendaRow[] =>
  statements(db).before.all({ ...filterParams(filter), day: today, limit });

export const dueOnRows = (db: Db, day: string, filter: AgendaFilter, limit: number): DbAgendaRow[] =>
  statements(db).on.all({ ...filterParams(filter), day, limit });

export const dueBetweenRows = (db: Db, first: string, last: string, filter: AgendaFilter, limit: number): DbAgendaRow[] =>
  statements(db).between.all({ ...filterParams(filter), first, last, limit });

/** Open reminders from the first overdue up to `last`, per kind and assignee, before any filter. */
export const agendaCounts = (db: Db, today: string, last: string): DbAgendaCount[] => statements(db).counts.all({ today, last });
