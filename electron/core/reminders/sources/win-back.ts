import { plusDays } from '../../../../shared/reminders/days';
import { winBackKind } from '../../../../shared/reminders/kinds/win-back';
import type { ReminderSource } from '../source';
import { lapsedRows } from './win-back-queries';

/**
 * A lapsed customer gets one win-back reminder per absence, due the day they lapse (so the week
 * ahead shows who is about to). The reason is the customer and their last visit or contact: a new
 * visit or contact ends the absence (and closes the reminder), and a later absence is a new reason.
 */
export const winBackSource: ReminderSource = {
  kind: winBackKind.name,
  *wanted({ db, today, horizon, settings, customerIds }) {
    for (const row of lapsedRows(db, horizon, plusDays(today, -settings.winBackWindowDays), customerIds)) {
      yield {
        reasonKey: `${row.id}:${row.last_activity_at}`,
        customerId: row.id,
        dueDay: row.lapses_on,
        facts: { lapsedOn: row.lapses_on, rhythmDays: row.visit_rhythm_days, lastActivityAt: row.last_activity_at },
      };
    }
  },
};
