import { plusDays } from '../../../../shared/reminders/days';
import { complaintFollowUpKind } from '../../../../shared/reminders/kinds/complaint-follow-up';
import { readComplaintSettings } from '../../complaints';
import type { ReminderSource } from '../source';
import { resolvedComplaintRows } from './complaint-queries';

/** A follow-up more than two weeks late is no longer a follow-up: such complaints raise none (as after-sale care). */
export const complaintFollowUpFreshDays = 14;

/**
 * A call a few days after a complaint is resolved, for its owner, until it is followed up or closed.
 * The reason is the resolution (complaint and time), so a complaint reopened and resolved again gets
 * a new follow-up and a closed one never comes back.
 */
export const complaintFollowUpSource: ReminderSource = {
  kind: complaintFollowUpKind.name,
  reasonsWithoutCustomer: true,
  *wanted({ db, today, localDayOf, customerIds }) {
    const { followUpDays } = readComplaintSettings(db);
    const earliestDue = plusDays(today, -complaintFollowUpFreshDays);
    for (const row of resolvedComplaintRows(db, customerIds)) {
      const resolvedDay = localDayOf(row.resolved_at);
      const dueDay = plusDays(resolvedDay, followUpDays);
      if (dueDay < earliestDue) continue;
      yield {
        reasonKey: `${row.complaint_id}@${row.resolved_at}`,
        customerId: row.customer_id,
        subjectId: row.complaint_id,
        dueDay,
        staffId: row.owner_staff_id,
        facts: { resolvedDay },
      };
    }
  },
};
