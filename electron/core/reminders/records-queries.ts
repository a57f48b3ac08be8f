import type { Db } from '../db/connection';
import { jsonList, statementsFor } from '../db/statements';

export type ReminderRow = Record<string, unknown> & { id: string };

/** The stored columns of reminders (agenda_day is generated, so it is never written). */
const writableColumns = (db: Db): string[] =>
  (db.prepare("SELECT name FROM pragma_table_xinfo('reminders') WHERE hidden = 0").pluck().all() as string[]);

/**
 * Reminders, win-back calls and lost / won-back marks of a customer, as a merge moves them (with a
 * snapshot so an undo can put every reminder back value for value) and a purge deletes them.
 */
const statements = statementsFor((db) => {
  const columns = writableColumns(db);
  return {
    counts: db.prepare<{ id: string }, { reminders: number; attempts: number; events: number }>(`
      SELECT
        (SELECT count(*) FROM reminders WHERE customer_id = @id) AS reminders,
        (SELECT count(*) FROM win_back_attempts WHERE customer_id = @id) AS attempts,
        (SELECT count(*) FROM customer_status_events WHERE customer_id = @id) AS events`),
    remindersOf: db.prepare<[string], ReminderRow>(
      `SELECT ${columns.map((column) => `"${column}"`).join(', ')} FROM reminders WHERE customer_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    ),
    moveReminders: db.prepare<[string, string]>('UPDATE reminders SET customer_id = ? WHERE customer_id = ?'),
    moveAttempts: db.prepare<[string, string], string>('UPDATE win_back_attempts SET customer_id = ? WHERE customer_id = ? RETURNING id').pluck(),
    moveEvents: db.prepare<[string, string], string>('UPDATE customer_status_events SET customer_id = ? WHERE customer_id = ? RETURNING id').pluck(),
    returnAttempts: db.prepare<[string, string, string]>('UPDATE win_back_attempts SET customer_id = ? WHERE customer_id = ? AND id IN (SELECT value FROM json_each(?))'),
    returnEvents: db.prepare<[string, string, string]>('UPDATE customer_status_events SET customer_id = ? WHERE customer_id = ? AND id IN (SELECT value FROM json_each(?))'),
    /** Reminders made for these customers since the merge by generation (not by a person), and not called about. */
    dropGeneratedSince: db.prepare<[string, string, string]>(`
      DELETE FROM reminders
      WHERE customer_id IN (SELECT value FROM json_each(?)) AND kind <> ?
        AND id NOT IN (SELECT value FROM json_each(?))
        AND id NOT IN (SELECT reminder_id FROM win_back_attempts WHERE reminder_id IS NOT NULL)`),
    restoreReminder: db.prepare<[ReminderRow]>(`
      INSERT INTO reminders (${columns.map((column) => `"${column}"`).join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})
      ON CONFLICT (id) DO UPDATE SET ${columns.filter((column) => column !== 'id').map((column) => `"${column}" = excluded."${column}"`).join(', ')}`),
    deleteAttempts: db.prepare<[string]>('DELETE FROM win_back_attempts WHERE customer_id = ?'),
    deleteEvents: db.prepare<[string]>('DELETE FROM customer_status_events WHERE customer_id = ?'),
    deleteReminders: db.prepare<[string]>('DELETE FROM reminders WHERE customer_id = ?'),
    /** A won-back mark is tied to the visit that brought the customer back; archiving the visit took it back already. */
    deleteEventsOfVisit: db.prepare<[string]>('DELETE FROM customer_status_events WHERE visit_id = ?'),
  };
});

export const countReminderRecords = (db: Db, customerId: string) => statements(db).counts.get({ id: customerId })!;

export interface MovedReminderRecords {
  /** Both customers' reminders as they were just before the merge. */
  reminders: ReminderRow[];
  attempts: string[];
  events: string[];
}

export const moveReminderRecords = (db: Db, survivorId: string, absorbedId: string): MovedReminderRecords => {
  const s = statements(db);
  const reminders = s.remindersOf.all(jsonList([survivorId, absorbedId]));
  s.moveReminders.run(survivorId, absorbedId);
  return { reminders, attempts: s.moveAttempts.all(survivorId, absorbedId), events: s.moveEvents.all(survivorId, absorbedId) };
};

/**
 * Puts both customers' reminders back as they were; a reminder a person added to the survivor since
 * the merge stays, one generation made since is dropped (the settle step makes it again if it is due).
 */
export const returnReminderRecords = (db: Db, survivorId: string, absorbedId: string, moved: MovedReminderRecords, personalKind: string): void => {
  const s = statements(db);
  s.returnAttempts.run(absorbedId, survivorId, jsonList(moved.attempts));
  s.returnEvents.run(absorbedId, survivorId, jsonList(moved.events));
  s.dropGeneratedSince.run(jsonList([survivorId, absorbedId]), personalKind, jsonList(moved.reminders.map((row) => row.id)));
  for (const row of moved.reminders) s.restoreReminder.run(row);
};

/** Calls and marks first (a call may point at a reminder), then the reminders. */
export const deleteReminderRecords = (db: Db, customerId: string): void => {
  const s = statements(db);
  s.deleteAttempts.run(customerId);
  s.deleteEvents.run(customerId);
  s.deleteReminders.run(customerId);
};

export const deleteReminderRecordsOfVisit = (db: Db, visitId: string): void => {
  statements(db).deleteEventsOfVisit.run(visitId);
};
