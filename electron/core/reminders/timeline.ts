import type { TimelineSource } from '../timeline';
import { toReminder } from './present';
import { closedRemindersBefore } from './queries';

/** Done and dismissed reminders, on the day they were closed, with what came of them. */
export const remindersTimelineSource: TimelineSource = (db, customerId, before, limit) =>
  closedRemindersBefore(db, customerId, before.at, before.id, limit).map((row) => {
    const reminder = toReminder(row);
    return { kind: 'reminder', id: reminder.id, at: reminder.closedAt ?? reminder.createdAt, reminder };
  });
