import type { ImportedHistory } from '../../../shared/contract/timeline';
import type { TimelineSource } from '../timeline';
import { importedHistoryTimelineRows, type DbImportedHistory } from './queries';

export const toImportedHistory = (row: DbImportedHistory): ImportedHistory => ({
  sourceName: row.source_name,
  visitCount: row.visit_count,
  revenueMinor: row.revenue_minor,
  firstVisitAt: row.first_visit_at,
  lastVisitAt: row.last_visit_at,
  points: row.points,
  memberLevel: row.member_level,
  recordedAt: row.recorded_at,
});

/** One entry per history brought from another tool, at the last visit that tool knew of. */
export const importedHistoryTimelineSource: TimelineSource = (db, customerId, before, limit) =>
  importedHistoryTimelineRows(db, { id: customerId, at: before.at, cursor_id: before.id, limit }).map((row) => ({
    kind: 'imported_history',
    id: row.id,
    at: row.at,
    history: toImportedHistory(row),
  }));
