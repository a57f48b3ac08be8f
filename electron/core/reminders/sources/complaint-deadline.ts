import { complaintDeadlineKind } from '../../../../shared/reminders/kinds/complaint-deadline';
import { DateTime } from 'luxon';
import type { ReminderSource } from '../source';
import { runningPromiseRows } from './complaint-queries';

/**
 * The promise each active complaint waits on, for its owner, due on the deadline's day: it shows as
 * due today, then overdue, and closes by itself once the promise is met. A generation for some
 * customers yields their complaints' promises only; anonymous complaints come with the whole book's.
 */
export const complaintDeadlineSource: ReminderSource = {
  kind: complaintDeadlineKind.name,
  reasonsWithoutCustomer: true,
  *wanted({ db, zone, localDayOf, customerIds }) {
    for (const row of runningPromiseRows(db, customerIds)) {
      const dueDay = localDayOf(row.due_at);
      yield {
        reasonKey: row.promise_id,
        customerId: row.customer_id,
        subjectId: row.complaint_id,
        dueDay,
        staffId: row.owner_staff_id,
        facts: { promise: row.kind, dueDay, dueTime: DateTime.fromISO(row.due_at, { zone: 'utc' }).setZone(zone).toFormat('HH:mm') },
      };
    }
  },
};
