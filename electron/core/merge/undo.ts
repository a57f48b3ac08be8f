import { z } from 'zod';
import { parseStoredJson } from '../../../shared/json';
import type { CustomerRecordsParticipant, CustomerRef } from '../customer-records';
import type { Db } from '../db/connection';
import { markMergeUndone, mergesInto, reinsertCustomer, ridOf, type CustomerSnapshot, type DbMergeRow } from './queries';

const rawRow = z.record(z.string(), z.unknown());
const customerSnapshot = z.object({
  row: rawRow.and(z.object({ id: z.string(), rid: z.number() })),
  phones: z.array(rawRow),
  tags: z.array(rawRow),
  grams: z.array(z.string()),
});
const mergeSnapshot = z.object({ survivor: customerSnapshot, absorbed: customerSnapshot });

/**
 * The part of a merge's undo that gives the absorbed customer back: their record from the merge's
 * snapshot (id, rid, phones, tags, name grams) and everything each feature moved to the survivor.
 * The owner's undo then puts the survivor back too; a sync that finds the survivor deleted for good
 * on another device (the purge never saw the merge) stops here, since the survivor is going.
 * Answers both customers, and the survivor as the merge found it.
 */
export const giveAbsorbedBack = (
  db: Db,
  participants: readonly CustomerRecordsParticipant[],
  record: DbMergeRow,
): { survivor: CustomerRef; absorbed: CustomerRef; survivorBefore: CustomerSnapshot } => {
  const snapshot = mergeSnapshot.parse(parseStoredJson(record.snapshot_json)) as { survivor: CustomerSnapshot; absorbed: CustomerSnapshot };
  const moved = z.record(z.string(), z.unknown()).parse(parseStoredJson(record.moved_json));
  // Already back where two devices merged the same two customers apart and a later merge's undo gave them back.
  const absorbedRid = ridOf(db, record.absorbed_id) ?? reinsertCustomer(db, snapshot.absorbed);
  const survivor = { id: record.survivor_id, rid: snapshot.survivor.row.rid as number };
  const absorbed = { id: record.absorbed_id, rid: absorbedRid };
  for (const participant of [...participants].reverse()) {
    if (!(participant.name in moved)) continue;
    participant.undoMerge(db, survivor, absorbed, participant.moved.parse(moved[participant.name]));
  }
  return { survivor, absorbed, survivorBefore: snapshot.survivor };
};

/**
 * Gives back every customer a merge standing here took into this survivor, and marks those merges
 * undone: the survivor was deleted for good on a device that never saw them. Answers who came back.
 */
export const undoMergesInto = (db: Db, participants: readonly CustomerRecordsParticipant[], survivorId: string, at: string): string[] =>
  mergesInto(db, survivorId)
    .filter((record) => record.undone_at === null)
    .map((record) => {
      giveAbsorbedBack(db, participants, record);
      markMergeUndone(db, record.id, at);
      return record.absorbed_id;
    });
