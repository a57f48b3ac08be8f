import type { Complaint } from '../../../shared/contract/complaints';
import type { Role } from '../../../shared/contract/define';
import type { Db } from '../db/connection';
import { toComplaint } from './present';
import { promiseRowsByIds, type DbComplaintRow } from './queries';

/** Complaints with their current promises, read in one query for the whole list. */
export const complaintsOf = (db: Db, rows: readonly DbComplaintRow[], role: Role): Complaint[] => {
  const promises = new Map(promiseRowsByIds(db, rows.flatMap((row) => [row.reply_promise_id, row.resolve_promise_id])).map((row) => [row.id, row]));
  return rows.map((row) => toComplaint(row, promises, role));
};
