import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { localDay, startOfLocalDay } from '../../shared/time';

const zones = ['Asia/Taipei', 'Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Chatham', 'America/St_Johns', 'UTC'];

describe('the shop-local day of a moment', () => {
  it('is the day the zone’s calendar shows, around every change of clocks', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }), fc.constantFrom(...zones), (time, zone) => {
        const expected = DateTime.fromMillis(time, { zone }).toISODate();
        expect(localDay(new Date(time), zone)).toBe(expected);
        expect(localDay(new Date(time).toISOString(), zone)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
    // Either side of London's spring-forward hour and of its midnight.
    expect(localDay(new Date('2026-03-29T00:59:59.999Z'), 'Europe/London')).toBe('2026-03-29');
    expect(localDay(new Date('2026-10-24T23:00:00.000Z'), 'Europe/London')).toBe('2026-10-25');
    expect(localDay(new Date('2026-10-24T22:59:59.999Z'), 'Europe/London')).toBe('2026-10-24');
  });

  it('is no day for a zone that is not one, or a moment that is not one', () => {
    expect(localDay(new Date('2026-12-05T00:00:00Z'), 'Mars/Olympus')).toBe('');
    expect(localDay(new Date(Number.NaN), 'Asia/Taipei')).toBe('');
    expect(localDay('2026-12-05T00:00:00Z', 'Mars/Olympus')).toBe('');
  });

  it('reads text the way Luxon reads it, also where Date.parse would not', () => {
    for (const text of ['2026-02-30T10:00:00Z', '2026-02-28T24:00:00Z', '2026-02-28T23:59:60Z', '2026-03-01T10:00:00+08:00', '2026-03-01T10:00:00', '2026-03-01', 'yesterday']) {
      expect(localDay(text, 'Asia/Taipei')).toBe(DateTime.fromISO(text, { zone: 'utc' }).setZone('Asia/Taipei').toISODate() ?? '');
    }
  });

  it('starts at the zone’s midnight, also on a day that is not 24 hours long', () => {
    expect(startOfLocalDay('2026-12-05', 'Asia/Taipei')).toBe('2026-12-04T16:00:00.000Z');
    expect(startOfLocalDay('2026-12-05', 'Asia/Taipei')).toBe('2026-12-04T16:00:00.000Z');
    expect(startOfLocalDay('2026-03-08', 'America/New_York')).toBe('2026-03-08T05:00:00.000Z');
    expect(startOfLocalDay('2026-03-09', 'America/New_York')).toBe('2026-03-09T04:00:00.000Z');
  });
});
