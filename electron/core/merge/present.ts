import type { MergeRecord } from '../../../shared/contract/merge';
import type { DbMergeRow } from './queries';

export const toMergeRecord = (row: DbMergeRow): MergeRecord => ({
  id: row.id,
  at: row.at,
  survivorId: row.survivor_id,
  absorbedId: row.absorbed_id,
  absorbedName: row.absorbed_name,
  actorRole: row.actor_role,
  staffName: row.staff_name,
  undoneAt: row.undone_at,
  // Exact only while the survivor is as the merge left it: a later edit or merge would be lost.
  undoable: row.undone_at === null && row.survivor_current_updated_at === row.survivor_updated_at,
});
