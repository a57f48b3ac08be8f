import { describe, expect, it } from 'vitest';
import { reminderTiming } from '../../shared/reminders/kinds';

const birthday = { kind: 'birthday', facts: { birthdayDay: '2026-12-08', age: null }, agendaDay: '2026-12-05', snoozedUntil: null };

describe('when a reminder is due', () => {
  it('measures a birthday greeting by the birthday: on the day it is today, not three days overdue', () => {
    expect(reminderTiming(birthday, '2026-12-08')).toEqual({ by: 'occasion', day: '2026-12-08', days: 0 });
    expect(reminderTiming(birthday, '2026-12-05')).toEqual({ by: 'occasion', day: '2026-12-08', days: 3 });
    expect(reminderTiming(birthday, '2026-12-10')).toEqual({ by: 'occasion', day: '2026-12-08', days: -2 });
  });

  it('measures other reminders, and a snoozed birthday, by the day they come up', () => {
    expect(reminderTiming({ kind: 'follow_up', facts: {}, agendaDay: '2026-12-05', snoozedUntil: null }, '2026-12-08')).toEqual({ by: 'agenda', days: -3 });
    expect(reminderTiming({ ...birthday, agendaDay: '2026-12-09', snoozedUntil: '2026-12-09' }, '2026-12-08')).toEqual({ by: 'agenda', days: 1 });
  });
});
