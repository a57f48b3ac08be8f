import { greenChannelKind } from '../../../../shared/reminders/kinds/green-channel';
import type { ReminderSource } from '../source';
import { destroyerRows } from './green-channel-queries';

/**
 * A customer who became a Destroyer gets one green-channel reminder, due the day they became one.
 * The reason is the customer and that day: leaving the quadrant closes it, and a later stay is a new reason.
 */
export const greenChannelSource: ReminderSource = {
  kind: greenChannelKind.name,
  *wanted({ db, customerIds }) {
    for (const row of destroyerRows(db, customerIds)) {
      yield { reasonKey: `${row.customer_id}:${row.quadrant_since}`, customerId: row.customer_id, dueDay: row.quadrant_since, facts: { since: row.quadrant_since } };
    }
  },
};
