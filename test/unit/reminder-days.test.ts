import { describe, expect, it } from 'vitest';
import type { DueSummary } from '../../shared/contract/reminders';
import { ReminderDays, type Timers } from '../../electron/core/reminders/daily';
import { callOk, fixedClock, freshCore } from '../support/core';

/** Timers the test fires by hand, remembering the delays asked for. */
const manualTimers = () => {
  const pending: { callback: () => void; ms: number }[] = [];
  const timers: Timers = {
    setTimeout: (callback, ms) => {
      const entry = { callback, ms };
      pending.push(entry);
      return entry;
    },
    clearTimeout: (handle) => {
      const index = pending.indexOf(handle as (typeof pending)[number]);
      if (index >= 0) pending.splice(index, 1);
    },
  };
  return { timers, pending, fire: () => pending.shift()?.callback() };
};

describe('the day timer', () => {
  it('turns the day over at the shop’s midnight, raising the new day’s reminders and announcing what is due', async () => {
    const clock = fixedClock('2026-03-10T15:30:00.000Z');
    const core = freshCore({ now: clock.now });
    await callOk(core, 'settings-update', { timeZone: 'Asia/Taipei' });
    await callOk(core, 'customers-create', { name: 'Ada', birthday: { month: 3, day: 21 } });
    const announced: DueSummary[] = [];
    const changes: string[] = [];
    core.events.on('reminders-due', (summary) => announced.push(summary));
    core.events.on('data-changed', ({ handler }) => changes.push(handler));
    const { timers, pending, fire } = manualTimers();
    const days = new ReminderDays({ db: core.db, now: clock.now, events: core.events }, timers);
    days.start();
    // 23:30 in Taipei (15:30 UTC): it wakes a second after the shop's midnight, not the computer's.
    expect(pending.map((entry) => entry.ms)).toEqual([30 * 60_000 + 1_000]);

    clock.set('2026-03-10T15:59:59.000Z');
    fire();
    expect(announced).toEqual([]);
    expect((await callOk(core, 'reminders-agenda', {})).upcoming.total).toBe(0);

    clock.set('2026-03-10T16:00:01.000Z');
    fire();
    expect(changes).toContain('reminders-new-day');
    expect(announced).toEqual([{ today: '2026-03-11', overdue: 0, dueToday: 0, upcoming: 1 }]);
    expect((await callOk(core, 'reminders-agenda', {})).upcoming.items).toMatchObject([{ kind: 'birthday', dueDay: '2026-03-18' }]);
    // Whatever the time, it wakes at least hourly (a laptop that slept through midnight catches up).
    expect(pending.map((entry) => entry.ms)).toEqual([3_600_000]);

    days.stop();
    expect(pending).toHaveLength(0);
    expect(days.check()).toBe(false);
  });

  it('with a job runner, catches up in the recompute job (the counter keeps answering), then announces the day', async () => {
    const clock = fixedClock('2026-03-10T15:30:00.000Z');
    const core = freshCore({ now: clock.now });
    await callOk(core, 'settings-update', { timeZone: 'Asia/Taipei' });
    await callOk(core, 'customers-create', { name: 'Ada', birthday: { month: 3, day: 21 } });
    const jobs: string[] = [];
    core.events.on('job-finished', ({ kind }) => jobs.push(kind));
    const announced = new Promise<DueSummary>((resolve) => core.events.on('reminders-due', resolve));
    const { timers } = manualTimers();
    const days = new ReminderDays({ db: core.db, now: clock.now, events: core.events }, timers, { runner: core.jobs, bookFile: core.info.bookFile });
    clock.set('2026-03-10T16:00:01.000Z');
    expect(days.check()).toBe(true);
    expect(await announced).toEqual({ today: '2026-03-11', overdue: 0, dueToday: 0, upcoming: 1 });
    expect(jobs).toEqual(['recompute']);
    expect((await callOk(core, 'reminders-agenda', {})).upcoming.items).toMatchObject([{ kind: 'birthday', dueDay: '2026-03-18' }]);
  });
});
