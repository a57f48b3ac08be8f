import { daysBetween } from './days';

/** How far ahead "upcoming" looks on the Today agenda. */
export const upcomingDays = 7;

export type AgendaSection = 'overdue' | 'today' | 'upcoming' | 'later';

/**
 * Where a reminder due (or snoozed until) `day` belongs on `today`'s agenda. Both are shop-local
 * days, so "today" turns over at the shop's midnight, whatever the computer's zone.
 */
export const agendaSectionOf = (day: string, today: string): AgendaSection => {
  if (day < today) return 'overdue';
  if (day === today) return 'today';
  return daysBetween(today, day) <= upcomingDays ? 'upcoming' : 'later';
};
