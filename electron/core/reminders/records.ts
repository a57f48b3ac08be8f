import { z } from 'zod';
import { customKind } from '../../../shared/reminders/kinds/custom';
import { participant } from '../customer-records';
import { countReminderRecords, deleteReminderRecords, deleteReminderRecordsOfVisit, moveReminderRecords, returnReminderRecords } from './records-queries';

/**
 * Reminders, win-back calls and lost / won-back marks follow their customer through a merge and a
 * purge; after either side of a merge the derived pass makes the customers' reminders anew.
 */
export const remindersRecords = participant({
  name: 'reminders',
  count: (db, customerId) => {
    const counts = countReminderRecords(db, customerId);
    return [
      { kind: 'reminders', count: counts.reminders },
      { kind: 'winBackAttempts', count: counts.attempts },
      { kind: 'statusChanges', count: counts.events },
    ];
  },
  moveForMerge: (db, survivor, absorbed) => moveReminderRecords(db, survivor.id, absorbed.id),
  moved: z.object({
    reminders: z.array(z.looseObject({ id: z.string() })),
    attempts: z.array(z.string()),
    events: z.array(z.string()),
  }),
  undoMerge: (db, survivor, absorbed, moved) => returnReminderRecords(db, survivor.id, absorbed.id, moved, customKind.name),
  purge: deleteReminderRecords,
  purgeVisit: deleteReminderRecordsOfVisit,
});
