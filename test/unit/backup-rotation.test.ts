import { describe, expect, it } from 'vitest';
import { backupsToKeep } from '../../shared/backup/rotation';

const backup = (createdAt: string) => ({ id: createdAt, createdAt });

describe('rotation: 7 daily, 4 weekly', () => {
  it('keeps the newest backup of each of the last 7 days and of each of the last 4 weeks', () => {
    const daily = Array.from({ length: 60 }, (_, day) => backup(new Date(Date.UTC(2026, 0, 1 + day, 2)).toISOString()));
    const kept = [...backupsToKeep(daily, { keepDaily: 7, keepWeekly: 4 }, 'UTC')].sort();
    expect(kept).toEqual(
      [
        // The newest of the 4 latest ISO weeks (Mondays 2, 9, 16 and 23 February: their Sundays, the last one is 1 March)…
        '2026-02-08',
        '2026-02-15',
        '2026-02-22',
        // …and of the 7 latest days.
        '2026-02-23', '2026-02-24', '2026-02-25', '2026-02-26', '2026-02-27', '2026-02-28', '2026-03-01',
      ].map((day) => `${day}T02:00:00.000Z`),
    );
  });

  it('counts days in the shop’s time zone: 23:30 and 00:30 local are two days', () => {
    const backups = [backup('2026-03-01T15:30:00.000Z'), backup('2026-03-01T16:30:00.000Z')];
    expect(backupsToKeep(backups, { keepDaily: 2, keepWeekly: 0 }, 'Asia/Taipei').size).toBe(2);
    expect(backupsToKeep(backups, { keepDaily: 2, keepWeekly: 0 }, 'UTC').size).toBe(1);
  });

  it('several backups on one day: only the newest of that day stays', () => {
    const backups = ['08:00', '12:00', '20:00'].map((time) => backup(`2026-03-02T${time}:00.000Z`));
    expect([...backupsToKeep(backups, { keepDaily: 7, keepWeekly: 4 }, 'UTC')]).toEqual(['2026-03-02T20:00:00.000Z']);
  });

  it('always keeps the newest, whatever the policy', () => {
    expect([...backupsToKeep([backup('2026-03-02T08:00:00.000Z')], { keepDaily: 0, keepWeekly: 0 }, 'UTC')]).toEqual(['2026-03-02T08:00:00.000Z']);
  });
});
