import { plusDays } from '../../../../shared/reminders/days';
import { followUpKind } from '../../../../shared/reminders/kinds/follow-up';
import { startOfLocalDay } from '../../../../shared/time';
import type { ReminderSource, WantedReminder } from '../source';
import { followUpVisitRows } from './follow-up-queries';

/** A follow-up more than two weeks late is no longer after-sale care: such visits raise no new reminder. */
export const followUpFreshDays = 14;

/** After-sale care: N days after a first visit, or after a purchase of at least the set amount. */
export const followUpSource: ReminderSource = {
  kind: followUpKind.name,
  *wanted({ db, today, zone, localDayOf, settings, customerIds }) {
    if (!settings.followUpFirstVisit && settings.followUpMinAmountMinor === null) return;
    const earliestDue = plusDays(today, -followUpFreshDays);
    const since = startOfLocalDay(plusDays(earliestDue, -settings.followUpDays), zone);
    const rows = followUpVisitRows(db, { since, first_visit: settings.followUpFirstVisit ? 1 : 0, min_amount: settings.followUpMinAmountMinor }, customerIds);
    const seen = new Set<string>();
    for (const row of rows) {
      if (seen.has(row.visit_id)) continue;
      seen.add(row.visit_id);
      const visitDay = localDayOf(row.occurred_at);
      const dueDay = plusDays(visitDay, settings.followUpDays);
      if (row.open === 0 && dueDay < earliestDue) continue;
      const reminder: WantedReminder = {
        reasonKey: row.visit_id,
        customerId: row.customer_id,
        subjectId: row.visit_id,
        dueDay,
        staffId: row.staff_id,
        facts: { visitDay, firstVisit: row.first_visit === 1, amountMinor: row.amount_minor },
      };
      yield reminder;
    }
  },
};
