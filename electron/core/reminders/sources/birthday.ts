import { ageOn, birthdayBetween, monthDaysBetween } from '../../../../shared/reminders/birthday';
import { plusDays } from '../../../../shared/reminders/days';
import { birthdayKind } from '../../../../shared/reminders/kinds/birthday';
import type { ReminderSource } from '../source';
import { birthdayRows } from './birthday-queries';

/** A birthday greeting still makes sense a few days late; after that its reminder is closed. */
export const birthdayGraceDays = 7;

/**
 * A greeting `birthdayLeadDays` before each birthday, raised in time to show among the upcoming
 * week; one reminder per customer per birthday.
 */
export const birthdaySource: ReminderSource = {
  kind: birthdayKind.name,
  *wanted({ db, today, horizon, settings, customerIds }) {
    const from = plusDays(today, -birthdayGraceDays);
    const to = plusDays(horizon, settings.birthdayLeadDays);
    for (const row of birthdayRows(db, monthDaysBetween(from, to), customerIds)) {
      const birthdayDay = birthdayBetween(row.birthday_month, row.birthday_day, from, to);
      if (birthdayDay === null) continue;
      yield {
        reasonKey: `${row.id}:${birthdayDay}`,
        customerId: row.id,
        dueDay: plusDays(birthdayDay, -settings.birthdayLeadDays),
        facts: { birthdayDay, age: ageOn(birthdayDay, row.birthday_year) },
      };
    }
  },
};
