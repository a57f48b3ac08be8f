import { DateTime } from 'luxon';

export interface RotationPolicy {
  keepDaily: number;
  keepWeekly: number;
}

export interface DatedBackup {
  id: string;
  createdAt: string;
}

/**
 * Which automatic backups to keep: the newest of each of the last `keepDaily` days that have one,
 * and the newest of each of the last `keepWeekly` ISO weeks, days and weeks counted in the shop's
 * time zone. Everything else may be deleted. The newest backup is always kept.
 */
export const backupsToKeep = (backups: readonly DatedBackup[], policy: RotationPolicy, zone: string): Set<string> => {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
  const keep = new Set<string>();
  const days = new Set<string>();
  const weeks = new Set<string>();
  for (const backup of newestFirst) {
    const local = DateTime.fromISO(backup.createdAt, { zone: 'utc' }).setZone(zone);
    const day = local.toISODate() ?? backup.createdAt.slice(0, 10);
    const week = `${local.weekYear}-W${local.weekNumber}`;
    if (!days.has(day) && days.size < policy.keepDaily) {
      days.add(day);
      keep.add(backup.id);
    }
    if (!weeks.has(week) && weeks.size < policy.keepWeekly) {
      weeks.add(week);
      keep.add(backup.id);
    }
  }
  if (newestFirst[0]) keep.add(newestFirst[0].id);
  return keep;
};
