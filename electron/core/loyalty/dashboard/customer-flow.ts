import { plusDays } from '../../../../shared/reminders/days';
import type { Db } from '../../db/connection';
import type { DashboardProvider, DashboardRange } from './provider';
import { monthRows } from './provider';
import { monthFigures } from './month-figures';
import { archivedVisitsBetween, lapsedByMonth } from './queries';

const keys = ['new', 'returning', 'lapsed'] as const;

/**
 * How many archived customers visited in each month of the range. The kept month figures count
 * every visitor (the visits and revenue chart counts an archived customer's visits); the flow counts
 * the customers still in the book, as its new and lapsed do, so an archived first-timer is not
 * "returning" (nor is anyone archived).
 */
const archivedVisitorsByMonth = (db: Db, range: DashboardRange): Map<string, number> => {
  const seen = new Map<string, Set<string>>();
  for (const visit of archivedVisitsBetween(db, range.fromInstant, range.toInstant)) {
    // Instants as the book writes them (ISO, UTC): their text order is their time order.
    const bound = range.monthBounds.find((candidate) => visit.occurred_at >= candidate.from && visit.occurred_at < candidate.to);
    if (bound === undefined) continue;
    const visitors = seen.get(bound.month) ?? new Set<string>();
    visitors.add(visit.customer_id);
    seen.set(bound.month, visitors);
  }
  return new Map([...seen].map(([month, visitors]) => [month, visitors.size]));
};

/**
 * Per month: customers who came for the first time, customers who came back, and customers who
 * lapsed that month and are still away, of the customers still in the book (archived ones are in
 * none of the three). Lapsed means the lapse day has come (isLapsedOn in shared/reminders/rhythm.ts):
 * in the current month only lapse days up to today count, not the ones still to come later in the month.
 */
export const customerFlowProvider: DashboardProvider = {
  name: 'customer_flow',
  load: (db, range) => {
    const figures = monthFigures(db, range);
    const tomorrow = plusDays(range.today, 1);
    const lapsedUntil = range.toDay < tomorrow ? range.toDay : tomorrow;
    const lapsed = new Map(lapsedByMonth(db, range.fromDay, lapsedUntil).map((row) => [row.period, row.customers]));
    const archived = archivedVisitorsByMonth(db, range);
    const found = new Map<string, Record<string, number | null>>();
    for (const [month, { customers, new_customers: newCount }] of figures) {
      const stillInBook = customers - (archived.get(month) ?? 0);
      found.set(month, { new: newCount, returning: Math.max(0, stillInBook - newCount), lapsed: lapsed.get(month) ?? 0 });
    }
    const rows = monthRows(range, keys, found);
    return {
      empty: rows.every((row) => keys.every((key) => (row.values[key] ?? 0) === 0)),
      data: {
        shape: 'periods',
        series: [
          { key: 'new', draw: 'bar', axis: 'count', stack: 'flow' },
          { key: 'returning', draw: 'bar', axis: 'count', stack: 'flow' },
          { key: 'lapsed', draw: 'line', axis: 'count', segment: { lapse: 'lapsed' } },
        ],
        rows,
      },
    };
  },
};
