import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, birthdayBetween, birthdayInYear, monthDaysBetween, nextBirthday } from '../../shared/reminders/birthday';
import { dayIndex, daysBetween, isDay, localDayFinder, plusDays } from '../../shared/reminders/days';
import { dueNotice, noticeChannel } from '../../shared/reminders/notice';
import { daysAway, isLapsedOn, lapsesOnDay, lapseThresholdDays, median, rhythmDays, visitGapsInDays, type LapseRules } from '../../shared/reminders/rhythm';
import { localDay } from '../../shared/time';

const rules: LapseRules = { multiplier: 2, minDays: 14, maxDays: 365, minVisits: 3, fallbackDays: 60 };
const dayMs = 86_400_000;

/** Visit instants from a start and gaps in days. */
const visitsEvery = (start: string, gaps: readonly number[]): string[] => {
  const times = [Date.parse(start)];
  for (const gap of gaps) times.push((times.at(-1) as number) + gap * dayMs);
  return times.map((time) => new Date(time).toISOString());
};

describe('a customer’s rhythm', () => {
  it('is the median gap between visits, in whole days', () => {
    expect(rhythmDays(visitsEvery('2026-01-01T10:00:00Z', [9, 8, 10]))).toBe(9);
    expect(rhythmDays(visitsEvery('2026-01-01T10:00:00Z', [7, 14]))).toBe(10.5);
    expect(rhythmDays(['2026-01-01T10:00:00Z'])).toBeNull();
    expect(rhythmDays([])).toBeNull();
  });

  it('counts a morning coffee and an afternoon cake as one outing, not a zero-day gap', () => {
    expect(visitGapsInDays(['2026-01-01T02:00:00Z', '2026-01-01T08:00:00Z', '2026-01-08T09:00:00Z'])).toEqual([7]);
    expect(rhythmDays(['2026-01-01T02:00:00Z', '2026-01-01T08:00:00Z'])).toBeNull();
  });

  it('follows their recent habit: only the last twelve gaps count', () => {
    const oldHabit = Array.from({ length: 20 }, () => 30);
    const newHabit = Array.from({ length: 12 }, () => 7);
    expect(rhythmDays(visitsEvery('2024-01-01T10:00:00Z', [...oldHabit, ...newHabit]))).toBe(7);
  });

  it('lies between the shortest and the longest gap, whenever the visits happened (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 2_000_000_000_000 }), (gaps, start) => {
        const visits = visitsEvery(new Date(start).toISOString(), gaps);
        const rhythm = rhythmDays(visits) as number;
        const recent = gaps.slice(-12);
        expect(rhythm).toBeGreaterThanOrEqual(Math.min(...recent));
        expect(rhythm).toBeLessThanOrEqual(Math.max(...recent));
        expect(rhythmDays(visitsEvery(new Date(start + 123_456_789).toISOString(), gaps))).toBe(rhythm);
      }),
    );
  });

  it('takes the median of an even count as the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5])).toBe(5);
    expect(median([])).toBeNull();
  });
});

describe('when a customer counts as lapsed', () => {
  it('is past twice their rhythm for a regular', () => {
    expect(lapseThresholdDays(9, 10, rules)).toBe(18);
    expect(lapseThresholdDays(40, 5, rules)).toBe(80);
  });

  it('never sooner than the minimum, never later than the maximum', () => {
    expect(lapseThresholdDays(2, 30, rules)).toBe(14);
    expect(lapseThresholdDays(300, 4, rules)).toBe(365);
  });

  it('falls back for customers with one or two visits, unless their one gap says longer', () => {
    expect(lapseThresholdDays(null, 1, rules)).toBe(60);
    expect(lapseThresholdDays(5, 2, rules)).toBe(60);
    expect(lapseThresholdDays(45, 2, rules)).toBe(90);
  });

  it('does not apply to someone who never visited', () => {
    expect(lapseThresholdDays(null, 0, rules)).toBeNull();
  });

  it('lapses the day after the threshold is crossed: "more than 2× their rhythm"', () => {
    expect(lapsesOnDay('2026-03-01', 18)).toBe('2026-03-20');
    expect(isLapsedOn('2026-03-20', '2026-03-19')).toBe(false);
    expect(isLapsedOn('2026-03-20', '2026-03-20')).toBe(true);
    expect(isLapsedOn(null, '2026-03-20')).toBe(false);
    expect(daysAway('2026-03-01', '2026-04-01')).toBe(31);
  });

  it('stays within the shop’s bounds and grows with the multiplier, for any history (property)', () => {
    const rulesArbitrary = fc
      .record({
        multiplier: fc.double({ min: 1.2, max: 10, noNaN: true }),
        minDays: fc.integer({ min: 1, max: 365 }),
        span: fc.integer({ min: 0, max: 700 }),
        minVisits: fc.integer({ min: 2, max: 20 }),
        fallbackDays: fc.integer({ min: 7, max: 730 }),
      })
      .map(({ span, ...rest }): LapseRules => ({ ...rest, maxDays: rest.minDays + span }));
    fc.assert(
      fc.property(rulesArbitrary, fc.option(fc.double({ min: 1, max: 400, noNaN: true })), fc.integer({ min: 1, max: 500 }), (shopRules, rhythm, visits) => {
        const threshold = lapseThresholdDays(rhythm, visits, shopRules) as number;
        expect(threshold).toBeGreaterThanOrEqual(shopRules.minDays);
        expect(threshold).toBeLessThanOrEqual(shopRules.maxDays);
        const stricter = lapseThresholdDays(rhythm, visits, { ...shopRules, multiplier: shopRules.multiplier + 1 }) as number;
        expect(stricter).toBeGreaterThanOrEqual(threshold);
      }),
    );
  });

  it('is lapsed exactly when the days away exceed the threshold (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000 }), fc.double({ min: 1, max: 1000, noNaN: true }), fc.integer({ min: 0, max: 2000 }), (start, threshold, later) => {
        const lastDay = plusDays('1990-01-01', start);
        const today = plusDays(lastDay, later);
        expect(isLapsedOn(lapsesOnDay(lastDay, threshold), today)).toBe(daysAway(lastDay, today) > threshold);
      }),
    );
  });
});

describe('birthdays', () => {
  it('falls on 28 February for someone born on the 29th, in years without one', () => {
    expect(birthdayInYear(2, 29, 2027)).toBe('2027-02-28');
    expect(birthdayInYear(2, 29, 2028)).toBe('2028-02-29');
    expect(birthdayInYear(2, 29, 2100)).toBe('2100-02-28');
    expect(birthdayInYear(2, 29, 2000)).toBe('2000-02-29');
    expect(nextBirthday(2, 29, '2027-01-10')).toBe('2027-02-28');
    expect(nextBirthday(2, 29, '2027-03-01')).toBe('2028-02-29');
  });

  it('selects 29 February birthdays when 28 February of a common year is in the window', () => {
    expect(monthDaysBetween('2027-02-27', '2027-03-01')).toEqual([227, 228, 229, 301]);
    expect(monthDaysBetween('2028-02-28', '2028-03-01')).toEqual([228, 229, 301]);
    expect(birthdayBetween(2, 29, '2027-02-25', '2027-03-03')).toBe('2027-02-28');
  });

  it('finds the next birthday across the new year', () => {
    expect(nextBirthday(1, 2, '2026-12-30')).toBe('2027-01-02');
    expect(birthdayBetween(1, 2, '2026-12-28', '2027-01-05')).toBe('2027-01-02');
    expect(birthdayBetween(6, 1, '2026-12-28', '2027-01-05')).toBeNull();
    expect(ageOn('2027-01-02', 1990)).toBe(37);
    expect(ageOn('2027-01-02', null)).toBeNull();
  });

  it('is always the next occurrence of that month and day within a year (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 80_000 }), (month, rawDay, offset) => {
        const day = Math.min(rawDay, [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number);
        const from = plusDays('1950-01-01', offset);
        const next = nextBirthday(month, day, from);
        expect(next >= from).toBe(true);
        expect(daysBetween(from, next)).toBeLessThan(366);
        const isLeapDayInCommonYear = month === 2 && day === 29 && next.endsWith('-02-28');
        if (!isLeapDayInCommonYear) expect(next.slice(5)).toBe(`${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
        expect(monthDaysBetween(from, next)).toContain(month * 100 + day);
      }),
    );
  });
});

describe('shop-local days', () => {
  it('does day arithmetic on calendar days', () => {
    expect(plusDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(plusDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(daysBetween('2026-03-01', '2026-02-01')).toBe(-28);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2028-02-29')).toBe(true);
    expect(isDay('2026-1-01')).toBe(false);
    expect(dayIndex('1970-01-02')).toBe(1);
  });

  it('finds the same local day as the reference conversion, across DST and odd offsets (property)', () => {
    const zones = ['Asia/Taipei', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns'];
    const finders = new Map(zones.map((zone) => [zone, localDayFinder(zone)]));
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2040-01-01') }), (zone, time) => {
        expect(finders.get(zone)?.(time)).toBe(localDay(new Date(time), zone));
      }),
      { numRuns: 3000 },
    );
  });

  it('turns the day at the shop’s midnight, not the computer’s', () => {
    const taipei = localDayFinder('Asia/Taipei');
    expect(taipei('2026-03-09T15:59:59.999Z')).toBe('2026-03-09');
    expect(taipei('2026-03-09T16:00:00.000Z')).toBe('2026-03-10');
    const newYork = localDayFinder('America/New_York');
    // The night clocks go forward (8 March 2026): midnight is still 05:00 UTC; the next one is 04:00 UTC.
    expect(newYork('2026-03-08T04:59:59.999Z')).toBe('2026-03-07');
    expect(newYork('2026-03-08T05:00:00.000Z')).toBe('2026-03-08');
    expect(newYork('2026-03-09T03:59:59.999Z')).toBe('2026-03-08');
    expect(newYork('2026-03-09T04:00:00.000Z')).toBe('2026-03-09');
  });
});

describe('the notice of what is due', () => {
  const summary = { today: '2026-03-10', overdue: 2, dueToday: 5, upcoming: 9 };

  it('says what is due and overdue, in the app’s language, and nothing when nothing is', () => {
    expect(dueNotice(summary, 'en')).toEqual({ title: 'Today’s reminders', body: '5 due today and 2 overdue. Open Today to see them.' });
    expect(dueNotice({ ...summary, overdue: 0 }, 'zh-Hant')?.body).toBe('今天到期 5 項。請打開「今日」查看。');
    expect(dueNotice({ ...summary, dueToday: 0 }, 'zh-Hans')?.body).toBe('逾期 2 项。请打开“今日”查看。');
    expect(dueNotice({ ...summary, overdue: 0, dueToday: 0 }, 'en')).toBeNull();
  });

  it('goes to the system in the desktop app’s main process, to the browser once permitted, otherwise to a banner', () => {
    const notice = dueNotice(summary, 'en');
    expect(noticeChannel({ transport: 'electron', permission: 'granted', notice, alreadyShown: false })).toBe('none');
    expect(noticeChannel({ transport: 'browser', permission: 'granted', notice, alreadyShown: false })).toBe('system');
    expect(noticeChannel({ transport: 'browser', permission: 'default', notice, alreadyShown: false })).toBe('banner');
    expect(noticeChannel({ transport: 'browser', permission: 'denied', notice, alreadyShown: false })).toBe('banner');
    expect(noticeChannel({ transport: 'browser', permission: 'unsupported', notice, alreadyShown: false })).toBe('banner');
    expect(noticeChannel({ transport: 'browser', permission: 'granted', notice, alreadyShown: true })).toBe('none');
    expect(noticeChannel({ transport: 'browser', permission: 'granted', notice: null, alreadyShown: false })).toBe('none');
  });
});
