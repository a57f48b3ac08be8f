import type { Agenda, AgendaItem, AgendaSectionPage, DueSummary } from '../../../shared/contract/reminders';
import { upcomingDays } from '../../../shared/reminders/agenda';
import { daysBetween, localDayFinder, plusDays } from '../../../shared/reminders/days';
import { phonesByCustomer } from '../customers';
import type { Db } from '../db/connection';
import { agendaCounts, dueBetweenRows, dueOnRows, overdueRows, type AgendaFilter, type DbAgendaCount, type DbAgendaRow } from './agenda-queries';
import { toReminder } from './present';

const toItems = (db: Db, rows: readonly DbAgendaRow[], today: string, localDayOf: (instant: string) => string): AgendaItem[] => {
  const phones = phonesByCustomer(db, [...new Set(rows.flatMap((row) => (row.customer_id === null ? [] : [row.customer_id])))]);
  return rows.map((row) => ({
    ...toReminder(row),
    customer:
      row.customer_id === null || row.customer_name === null
        ? null
        : {
            id: row.customer_id,
            name: row.customer_name,
            phones: (phones.get(row.customer_id) ?? []).map((phone) => phone.display),
            consentToContact: row.consent_contact === 1,
            visitCount: row.visit_count ?? 0,
            rhythmDays: row.visit_rhythm_days,
            lastActivityAt: row.last_activity_at,
            daysAway: row.last_activity_at === null ? null : daysBetween(localDayOf(row.last_activity_at), today),
            lost: row.lost_at !== null,
          },
    assigneeId: row.assignee_id,
    assigneeName: row.assignee_name,
  }));
};

const shownBy = (filter: AgendaFilter) => (count: DbAgendaCount): boolean =>
  (filter.kinds.length === 0 || filter.kinds.includes(count.kind)) &&
  (filter.assignee === 'anyone' ||
    (filter.assignee === 'nobody' ? count.assignee_id === null : count.assignee_id === filter.assignee.staffId));

/** Each section's total under the filter, from the counts per kind and assignee. */
const sectionTotals = (counts: readonly DbAgendaCount[], filter: AgendaFilter) => {
  const totals = { overdue: 0, today: 0, upcoming: 0 };
  for (const count of counts.filter(shownBy(filter))) {
    totals.overdue += count.overdue;
    totals.today += count.today;
    totals.upcoming += count.upcoming;
  }
  return totals;
};

/** The Today agenda: overdue, due today and the next seven days, filtered, with counts for the filters. */
export const readAgenda = (db: Db, today: string, zone: string, filter: AgendaFilter, limit: number): Agenda => {
  const localDayOf = localDayFinder(zone);
  const last = plusDays(today, upcomingDays);
  const counts = agendaCounts(db, today, last);
  const totals = sectionTotals(counts, filter);
  const page = (rows: DbAgendaRow[], total: number): AgendaSectionPage => ({ items: toItems(db, rows, today, localDayOf), total });
  const byKind = new Map<string, number>();
  const byAssignee = new Map<string | null, number>();
  for (const row of counts) {
    const count = row.overdue + row.today + row.upcoming;
    byKind.set(row.kind, (byKind.get(row.kind) ?? 0) + count);
    byAssignee.set(row.assignee_id, (byAssignee.get(row.assignee_id) ?? 0) + count);
  }
  return {
    today,
    overdue: page(overdueRows(db, today, filter, limit), totals.overdue),
    dueToday: page(dueOnRows(db, today, filter, limit), totals.today),
    upcoming: page(dueBetweenRows(db, plusDays(today, 1), last, filter, limit), totals.upcoming),
    countsByKind: [...byKind].map(([kind, count]) => ({ kind, count })),
    countsByAssignee: [...byAssignee].map(([staffId, count]) => ({ staffId, count })),
  };
};

export const readDueSummary = (db: Db, today: string): DueSummary => {
  const totals = sectionTotals(agendaCounts(db, today, plusDays(today, upcomingDays)), { kinds: [], assignee: 'anyone' });
  return { today, overdue: totals.overdue, dueToday: totals.today, upcoming: totals.upcoming };
};
