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

// The agenda reads the open reminders by day, kind and assignee straight from reminders_open_agenda:
// counts and totals never touch a table, and each section reads only the rows it shows. (Archived
// customers have no open reminders: the reminders core closes them on archiving.)
const filters = `AND (@all_kinds = 1 OR r.kind IN (SELECT value FROM json_each(@kinds)))
  AND (@assignee_mode = 'anyone'
    OR (@assignee_mode = 'nobody' AND r.assignee_id IS NULL)
    OR (@assignee_mode = 'staff' AND r.assignee_id = @assignee_id))`;
const items = `SELECT ${reminderColumns}, c.name AS customer_name, c.consent_contact, c.visit_count, c.visit_rhythm_days,
    CASE WHEN c.id IS NOT NULL THEN nullif(max(coalesce(c.last_visit_at, ''), coalesce(c.last_contact_at, '')), '') END AS last_activity_at,
    c.lost_at, st.name AS assignee_name
  FROM reminders r
  LEFT JOIN customers c ON c.id = r.customer_id
  LEFT JOIN customer_loyalty l ON l.customer_id = r.customer_id
  LEFT JOIN staff st ON st.id = r.assignee_id
  WHERE r.status = 'open'`;
// Win-back calls of a day come likeliest-to-return first (the value model's chance they are still
// a customer, beside the rhythm that made them due); unknown chances last.
const winBackOrder = "(CASE WHEN r.kind = 'win_back' THEN l.value_probability_alive END) DESC NULLS LAST";
// In index order by day and kind, so LIMIT stops early (only a day's rows of a kind are sorted);
// overdue ones newest first (yesterday's before last month's).
const forwards = `ORDER BY r.agenda_day, r.kind, ${winBackOrder}, r.assignee_id, r.rowid LIMIT @limit`;
const backwards = `ORDER BY r.agenda_day DESC, r.kind DESC, ${winBackOrder}, r.assignee_id DESC, r.rowid DESC LIMIT @limit`;

const statements = statementsFor((db) => ({
  before: db.prepare<FilterParams & { day: string; limit: number }, DbAgendaRow>(`${items} AND r.agenda_day < @day ${filters} ${backwards}`),
  on: db.prepare<FilterParams & { day: string; limit: number }, DbAgendaRow>(`${items} AND r.agenda_day = @day ${filters} ${forwards}`),
  between: db.prepare<FilterParams & { first: string; last: string; limit: number }, DbAgendaRow>(
    `${items} AND r.agenda_day BETWEEN @first AND @last ${filters} ${forwards}`,
  ),
  totals: db.prepare<FilterParams & { today: string; last: string }, { overdue: number | null; today: number | null; upcoming: number | null }>(`
    SELECT sum(r.agenda_day < @today) AS overdue, sum(r.agenda_day = @today) AS today, sum(r.agenda_day > @today) AS upcoming
    FROM reminders r WHERE r.status = 'open' AND r.agenda_day <= @last ${filters}`),
  counts: db.prepare<{ last: string }, { kind: string; assignee_id: string | null; count: number }>(`
    SELECT kind, assignee_id, count(*) AS count FROM reminders WHERE status = 'open' AND agenda_day <= @last GROUP BY kind, assignee_id`),
}));

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

export const agendaTotals = (db: Db, today: string, last: string, filter: AgendaFilter): { overdue: number; today: number; upcoming: number } => {
  const row = statements(db).totals.get({ ...filterParams(filter), today, last });
  return { overdue: row?.overdue ?? 0, today: row?.today ?? 0, upcoming: row?.upcoming ?? 0 };
};

/** Open reminders up to `last`, per kind and assignee, before any filter. */
export const agendaCounts = (db: Db, last: string) => statements(db).counts.all({ last });
