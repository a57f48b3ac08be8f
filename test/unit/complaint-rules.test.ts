import { describe, expect, it } from 'vitest';
import { deadlineAfter } from '../../shared/complaints/deadlines';
import { allowedActions, transition } from '../../shared/complaints/lifecycle';
import { isMissed, keptPercent, outcomeWhenMet, promiseStanding } from '../../shared/complaints/promises';
import { errorMessages } from '../../shared/i18n/errors';

describe('complaint lifecycle', () => {
  it('walks open → acknowledged → resolved → followed up → closed, and reopens', () => {
    expect(transition('open', 'acknowledge')).toEqual({ ok: true, to: 'acknowledged' });
    expect(transition('acknowledged', 'resolve')).toEqual({ ok: true, to: 'resolved' });
    expect(transition('resolved', 'follow_up')).toEqual({ ok: true, to: 'followed_up' });
    expect(transition('followed_up', 'close')).toEqual({ ok: true, to: 'closed' });
    expect(transition('closed', 'reopen')).toEqual({ ok: true, to: 'acknowledged' });
    expect(transition('open', 'resolve')).toEqual({ ok: true, to: 'resolved' });
    expect(allowedActions('resolved')).toEqual(['follow_up', 'close', 'reopen']);
  });

  it('refuses illegal steps with a reason translated in every language', () => {
    const refusals = [transition('closed', 'acknowledge'), transition('open', 'follow_up'), transition('acknowledged', 'close'), transition('open', 'reopen'), transition('closed', 'resolve')];
    for (const refusal of refusals) {
      expect(refusal.ok).toBe(false);
      if (refusal.ok) continue;
      for (const language of ['en', 'zh-Hant', 'zh-Hans'] as const) {
        expect(errorMessages[language].states[refusal.reason]).toMatch(/\S/);
      }
    }
    expect(transition('open', 'reopen')).toEqual({ ok: false, reason: 'complaint_cannot_reopen' });
  });
});

describe('promises kept or broken', () => {
  const due = '2026-03-10T10:00:00.000Z';
  it('is kept when met exactly at the deadline and broken one millisecond later', () => {
    expect(outcomeWhenMet(due, '2026-03-10T10:00:00.000Z')).toBe('kept');
    expect(outcomeWhenMet(due, '2026-03-10T10:00:00.001Z')).toBe('broken');
    expect(isMissed(due, '2026-03-10T10:00:00.000Z')).toBe(false);
    expect(isMissed(due, '2026-03-10T10:00:00.001Z')).toBe(true);
  });

  it('shows running, due soon and overdue before it settles', () => {
    expect(promiseStanding({ dueAt: due, outcome: null }, '2026-03-10T07:00:00.000Z', 3_600_000)).toBe('running');
    expect(promiseStanding({ dueAt: due, outcome: null }, '2026-03-10T09:30:00.000Z', 3_600_000)).toBe('due_soon');
    expect(promiseStanding({ dueAt: due, outcome: null }, '2026-03-10T10:30:00.000Z', 3_600_000)).toBe('overdue');
    expect(promiseStanding({ dueAt: due, outcome: 'kept' }, '2026-03-10T10:30:00.000Z', 3_600_000)).toBe('kept');
    expect(keptPercent(2, 3)).toBe(67);
    expect(keptPercent(0, 0)).toBeNull();
  });
});

describe('deadlines', () => {
  const zone = 'Asia/Taipei';
  const hours = { opensAt: '10:00', closesAt: '18:00', days: [1, 2, 3, 4, 5] };

  it('counts clock hours without opening hours', () => {
    expect(deadlineAfter('2026-03-06T09:00:00.000Z', 4, zone, null)).toBe('2026-03-06T13:00:00.000Z');
  });

  it('counts only opening hours in the shop zone, across the evening and the weekend', () => {
    // Friday 2026-03-06 15:00 Taipei (07:00Z): 3 h left today, then Monday 10:00 + 1 h = 11:00 Taipei (03:00Z).
    expect(deadlineAfter('2026-03-06T07:00:00.000Z', 4, zone, hours)).toBe('2026-03-09T03:00:00.000Z');
    // Logged before opening on a Tuesday: counting starts at 10:00.
    expect(deadlineAfter('2026-03-10T00:30:00.000Z', 2, zone, hours)).toBe('2026-03-10T04:00:00.000Z');
    // Ending exactly at closing stays that day.
    expect(deadlineAfter('2026-03-10T02:00:00.000Z', 8, zone, hours)).toBe('2026-03-10T10:00:00.000Z');
  });

  it('keeps local opening times across a daylight-saving change', () => {
    // New York springs forward on Sunday 2026-03-08; Saturday 17:00 + 2 opening hours = Monday 11:00 EDT (15:00Z).
    const ny = { opensAt: '10:00', closesAt: '18:00', days: [1, 2, 3, 4, 5, 6] };
    expect(deadlineAfter('2026-03-07T22:00:00.000Z', 2, 'America/New_York', ny)).toBe('2026-03-09T15:00:00.000Z');
  });
});
