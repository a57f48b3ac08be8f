import { dayIndex, dayOfIndex } from './days';

/**
 * Birthdays are month and day, the year optional (PRODUCT.md §1). Someone born on 29 February
 * celebrates on 28 February in years without one.
 */

export const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

const pad = (value: number): string => String(value).padStart(2, '0');

/** The day a month-day birthday falls on in `year`. */
export const birthdayInYear = (month: number, day: number, year: number): string =>
  month === 2 && day === 29 && !isLeapYear(year) ? `${year}-02-28` : `${year}-${pad(month)}-${pad(day)}`;

/** The first occurrence of the birthday on or after `fromDay`. */
export const nextBirthday = (month: number, day: number, fromDay: string): string => {
  const year = Number(fromDay.slice(0, 4));
  const thisYear = birthdayInYear(month, day, year);
  return thisYear >= fromDay ? thisYear : birthdayInYear(month, day, year + 1);
};

/** The occurrence of the birthday between `fromDay` and `toDay` (inclusive), or null; the window is shorter than a year. */
export const birthdayBetween = (month: number, day: number, fromDay: string, toDay: string): string | null => {
  const next = nextBirthday(month, day, fromDay);
  return next <= toDay ? next : null;
};

/**
 * Every month-day (as month × 100 + day) whose birthday falls between `fromDay` and `toDay`: what a
 * query selects customers by. Includes 229 for a 28 February outside a leap year.
 */
export const monthDaysBetween = (fromDay: string, toDay: string): number[] => {
  const codes: number[] = [];
  for (let index = dayIndex(fromDay); index <= dayIndex(toDay); index += 1) {
    const day = dayOfIndex(index);
    const month = Number(day.slice(5, 7));
    const dayOfMonth = Number(day.slice(8, 10));
    codes.push(month * 100 + dayOfMonth);
    if (month === 2 && dayOfMonth === 28 && !isLeapYear(Number(day.slice(0, 4)))) codes.push(229);
  }
  return codes;
};

/** The age reached on a birthday when the year of birth is known. */
export const ageOn = (birthdayDay: string, birthYear: number | null): number | null =>
  birthYear === null ? null : Number(birthdayDay.slice(0, 4)) - birthYear;
