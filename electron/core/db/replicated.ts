import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CellScalar } from '../../../shared/sync/cells';
import type { Db } from './connection';

/**
 * What a shared book replicates between devices (issue 19): the facts people record. Derived
 * columns and tables (activity, lapse, loyalty, search rows, reminders), each device's own tables
 * (backups, audit trail, import runs, the job queue) and per-device settings stay on the device;
 * each device rebuilds what it derives from the facts (derive module).
 *
 * A record replicates as cells — one per column — so edits made apart to different fields merge
 * and two values given to one field are both kept. A customer's phones and tags replicate as one
 * cell each (the list), as they are edited: a whole list at a time.
 */
export interface ReplicatedTable {
  name: string;
  /** The record's key: one column (ids, unique across devices), or a list's owner for list tables. */
  key: string;
  /** Columns replicated as cells (the key column included for row tables). */
  cells: readonly string[];
  /** List tables: every row of one owner is one cell, in `order`. */
  list?: { order: string };
  /** Only rows matching this replicate (settings: the shop's, not this device's), for a row named `row`. */
  where?: (row: string) => string;
  /**
   * Columns that point at each device's own derived rows (a win-back attempt's reminder): written
   * as null where this device has no such row, as the reminder is made on each device.
   */
  localReferences?: Readonly<Record<string, string>>;
  /**
   * Two values given to one field while apart are kept for the owner to pick (profiles, settings,
   * staff, complaints); elsewhere the documents' own deterministic winner stands quietly.
   */
  showsConflicts?: boolean;
  /** Columns naming a customer: a record whose customer was merged into another follows the merge. */
  customerColumns?: readonly string[];
  /**
   * The record this one is part of (a complaint's promises and steps): where that record is gone
   * for good — deleted, or its customer deleted — this one goes with it, as it does on the device
   * that deleted it.
   */
  belongsTo?: { table: string; column: string };
  /**
   * Columns naming customers this record holds a copy of (a merge's snapshot of both customers):
   * where one of them is deleted for good, the record goes too — as a purge on one device takes
   * along the merges naming the customer — on every device, whenever the merge was made.
   */
  goesWithCustomers?: readonly string[];
  /**
   * A record deleted on one device while people decided on it on another stays when this says so
   * (a reward handed over is kept though its qualifying visit was archived meanwhile, as on one device).
   */
  outlivesDeletion?: (cells: Readonly<Record<string, unknown>>) => boolean;
  /**
   * Of the values given to a field while apart, the one that stands when the rule is the owner's
   * (a person's decision on a reminder outranks the app closing it); null: the documents' winner.
   */
  prefer?: (column: string, values: readonly unknown[]) => unknown;
  /**
   * The values of fields the record's rules tie to another (a reward's times to its status) that
   * agree with the value that stands: where devices decided apart, a field only the losing device
   * wrote would otherwise stay beside the winner's decision and break the record's CHECK on every device.
   */
  agreeing?: (cells: Readonly<Record<string, CellScalar>>) => Record<string, CellScalar>;
  /** Derived columns a new record needs before its figures are derived (a customer is last seen when created). */
  derivedOnInsert?: (cells: Readonly<Record<string, unknown>>) => Record<string, string>;
}

export const replicatedTables: readonly ReplicatedTable[] = [
  { name: 'staff', key: 'id', showsConflicts: true, cells: ['id', 'name', 'active', 'created_at'] },
  { name: 'sync_devices', key: 'id', cells: ['id', 'name', 'joined_at', 'removed_at', 'exchange_key'] },
  // Each sealed for one device or with a newer key: the folder's key after a removal reaches only the devices that remain.
  { name: 'sync_book_keys', key: 'id', cells: ['id', 'key_id', 'made_at', 'made_by', 'for_device', 'sealed_with', 'sealed', 'removes'] },
  {
    name: 'settings',
    key: 'key',
    showsConflicts: true,
    cells: ['key', 'value'],
    // The shop's settings; the device's language, lock and the derive module's bookkeeping stay.
    where: (row) => `${row}.key NOT LIKE 'state.%' AND ${row}.key NOT IN ('language', 'autoLockMinutes')`,
  },
  {
    name: 'customers',
    key: 'id',
    showsConflicts: true,
    cells: [
      'id', 'name', 'name_key', 'email', 'email_key', 'birthday_month', 'birthday_day', 'birthday_year', 'address', 'gender', 'notes',
      'source', 'need_type', 'owner_staff_id', 'consent_contact', 'created_at', 'updated_at', 'archived_at',
    ],
    derivedOnInsert: (cells) => ({ last_seen_at: String(cells.created_at) }),
  },
  {
    name: 'customer_merges',
    key: 'id',
    goesWithCustomers: ['survivor_id', 'absorbed_id'],
    cells: ['id', 'at', 'actor_role', 'actor_staff_id', 'survivor_id', 'absorbed_id', 'absorbed_name', 'survivor_updated_at', 'snapshot_json', 'moved_json', 'undone_at'],
  },
  { name: 'customer_phones', key: 'customer_id', showsConflicts: true, cells: ['position', 'display', 'e164', 'match_key', 'national_reversed', 'search_digits'], list: { order: 'position' } },
  { name: 'customer_tags', key: 'customer_id', showsConflicts: true, cells: ['kind', 'position', 'value', 'value_key'], list: { order: 'kind, position' } },
  {
    name: 'imported_histories',
    key: 'id',
    customerColumns: ['customer_id'],
    cells: ['id', 'customer_id', 'import_id', 'source_name', 'visit_count', 'revenue_minor', 'first_visit_at', 'last_visit_at', 'points', 'member_level', 'recorded_at'],
  },
  { name: 'visits', key: 'id', customerColumns: ['customer_id'], cells: ['id', 'customer_id', 'kind', 'occurred_at', 'amount_minor', 'channel', 'items', 'note', 'staff_id', 'created_at', 'archived_at'] },
  { name: 'satisfaction_answers', key: 'id', customerColumns: ['customer_id'], cells: ['id', 'customer_id', 'level', 'source', 'visit_id', 'answered_at', 'note', 'staff_id', 'created_at'] },
  {
    name: 'customer_status_events',
    key: 'id',
    customerColumns: ['customer_id'],
    cells: ['id', 'customer_id', 'kind', 'reason', 'note', 'came_back_from', 'days_away', 'after_attempt', 'visit_id', 'staff_id', 'at', 'created_at', 'archived_at'],
  },
  {
    name: 'complaints',
    key: 'id',
    showsConflicts: true,
    customerColumns: ['customer_id'],
    // Resolved again on two devices apart, one without compensation, the other changing only its
    // amount: the amount could win beside the other's empty kind, against the rule that both or
    // neither are given. No compensation, where one device's value of either field stands as none.
    agreeing: (cells): Record<string, CellScalar> =>
      cells.compensation_kind === null || cells.compensation_minor === null ? { compensation_kind: null, compensation_minor: null } : {},
    cells: [
      'id', 'customer_id', 'channel', 'category', 'severity', 'description', 'owner_staff_id', 'state', 'received_at', 'reply_promise_id',
      'resolve_promise_id', 'replied_at', 'resolved_at', 'resolution', 'compensation_kind', 'compensation_minor', 'escalation_status',
      'escalation_kind', 'escalation_minor', 'escalation_note', 'escalation_requested_at', 'escalation_decided_at', 'escalation_decision_note',
      'satisfaction_answer_id', 'created_at', 'updated_at',
    ],
  },
  {
    // Made on each device from the same facts (one id per reason); what travels is what people decided: done, dismissed, snoozed, notes.
    name: 'reminders',
    key: 'id',
    prefer: (column, values) => (column === 'status' ? (values.find((value) => value === 'done' || value === 'dismissed') ?? null) : null),
    // Reopened on one device while another reopened and closed it again (its status as it was, its
    // closing time new): the status stands alone, and a closing time beside "open" broke the rule.
    agreeing: (cells): Record<string, CellScalar> => (cells.status === 'open' ? { closed_at: null, closed_by_staff_id: null, outcome_note: '' } : {}),
    customerColumns: ['customer_id'],
    cells: [
      'id', 'kind', 'reason_key', 'customer_id', 'subject_id', 'due_day', 'snoozed_until', 'status', 'note', 'facts_json', 'staff_id', 'assignee_id',
      'outcome_note', 'created_at', 'updated_at', 'closed_at', 'closed_by_staff_id',
    ],
  },
  {
    name: 'win_back_attempts',
    key: 'id',
    customerColumns: ['customer_id'],
    cells: ['id', 'customer_id', 'reminder_id', 'outcome', 'note', 'staff_id', 'attempted_at', 'created_at'],
    localReferences: { reminder_id: 'reminders' },
  },
  {
    name: 'complaint_promises',
    key: 'id',
    belongsTo: { table: 'complaints', column: 'complaint_id' },
    cells: ['id', 'complaint_id', 'kind', 'due_at', 'outcome', 'settled_at', 'created_at'],
  },
  {
    name: 'complaint_transitions',
    key: 'id',
    belongsTo: { table: 'complaints', column: 'complaint_id' },
    cells: ['id', 'complaint_id', 'action', 'from_state', 'to_state', 'at', 'actor_role', 'staff_id', 'note'],
  },
  { name: 'referrals', key: 'customer_id', customerColumns: ['referrer_id'], cells: ['customer_id', 'referrer_id', 'referred_at', 'staff_id', 'created_at', 'updated_at'] },
  {
    // Earned on each device from the same visits (one id for one referral's reward: db/derived-ids.ts); given or voided by people.
    name: 'referral_rewards',
    key: 'id',
    customerColumns: ['referrer_id', 'referred_id'],
    outlivesDeletion: (cells) => cells.status === 'given' || cells.status === 'void',
    // Handed over on one device while voided on another: the reward was handed over.
    prefer: (column, values) => (column === 'status' ? (values.find((value) => value === 'given') ?? null) : null),
    agreeing: (cells) =>
      typeof cells.status !== 'string'
        ? {}
        : {
            ...(cells.status === 'given' ? {} : { given_at: null, given_by_staff_id: null }),
            ...(cells.status === 'void' ? {} : { voided_at: null, void_reason: '' }),
          },
    cells: ['id', 'referrer_id', 'referred_id', 'visit_id', 'kind', 'value', 'gift', 'status', 'earned_at', 'given_at', 'given_by_staff_id', 'voided_at', 'void_reason', 'created_at', 'updated_at'],
  },
];

/** The columns of each replicated table that are derived or local, so a new column is a decision (test/unit/sync-tables.test.ts). */
export const notReplicatedColumns: Readonly<Record<string, readonly string[]>> = {
  customers: [
    'rid', 'first_visit_at', 'last_visit_at', 'last_contact_at', 'last_seen_at', 'visit_count', 'revenue_minor', 'search_phones', 'search_tags',
    'visit_rhythm_days', 'lapses_on', 'lost_at', 'lost_reason',
  ],
  customer_phones: ['customer_id'],
  customer_tags: ['customer_id'],
};

export const replicatedTable = (name: string): ReplicatedTable | undefined => replicatedTables.find((table) => table.name === name);

/** Where a book's device identity lives: beside the book, never inside it (a backup must not carry it). */
export const syncFolderOf = (bookFile: string): string => path.join(path.dirname(bookFile), 'sync');

export const isSharedBook = (bookFile: string): boolean => existsSync(path.join(syncFolderOf(bookFile), 'device.json'));

/** Connections whose writes are captured: only they have a writer to set. */
const capturing = new WeakSet<Db>();

/**
 * The staff member whose writes this connection makes from now on (the core sets it before each
 * handler's write, an import job to the import's staff): noted with each captured record, so the
 * other devices are told who entered a value. Nothing on a connection that does not capture (a
 * book never shared writes exactly as before).
 */
export const setCaptureWriter = (db: Db, staffId: string | null): void => {
  if (!capturing.has(db)) return;
  db.prepare('UPDATE temp.sync_writer SET staff_id = ?').run(staffId);
};

/** The record as it is, as JSON, inside a trigger on its table (`row`: OLD, NEW, or an alias of the table); lists read the table. */
const recordJson = (table: ReplicatedTable, row: string): string => {
  if (table.list === undefined) return `json_object(${table.cells.map((column) => `'${column}', ${row}.${column}`).join(', ')})`;
  return `(SELECT json_group_array(json_array(${table.cells.join(', ')})) FROM (SELECT ${table.cells.join(', ')} FROM ${table.name} WHERE ${table.key} = ${row}.${table.key} ORDER BY ${table.list.order}))`;
};

const captureEvents = ['insert', 'update', 'delete'] as const;

/** A capture trigger's name: made by installCaptureTriggers, dropped by withWritesCaptured. */
const captureTrigger = (table: ReplicatedTable, event: (typeof captureEvents)[number]): string => `sync_capture_${table.name}_${event}`;

/**
 * The capture triggers of a shared book: every write to a replicated record notes the record in
 * sync_outbox, with the record as it was before the first such write (the first note stays).
 * BEFORE triggers, so a list is read whole before a write changes it. TEMP triggers, made on each
 * connection that writes a shared book (openDatabase): a book never shared has none and writes
 * exactly as before, and the connection that applies other devices' changes does not echo them back.
 */
export const installCaptureTriggers = (db: Db): void => {
  if (capturing.has(db)) return;
  // Who writes on this connection now (setCaptureWriter): each noted record carries the last writer's staff.
  db.exec('CREATE TEMP TABLE IF NOT EXISTS sync_writer (staff_id TEXT); INSERT INTO sync_writer SELECT NULL WHERE NOT EXISTS (SELECT 1 FROM sync_writer);');
  capturing.add(db);
  for (const table of replicatedTables) {
    const condition = (row: 'NEW' | 'OLD') => (table.where === undefined ? '' : `WHEN ${table.where(row)}`);
    // Not INSERT OR IGNORE: a statement's own conflict clause (an upsert, INSERT OR REPLACE) would override it in a trigger.
    const note = (row: 'NEW' | 'OLD', base: string) =>
      `INSERT INTO sync_outbox (tbl, row_key, base_json) SELECT '${table.name}', ${row}.${table.key}, ${base}
        WHERE NOT EXISTS (SELECT 1 FROM sync_outbox WHERE tbl = '${table.name}' AND row_key = ${row}.${table.key});
      UPDATE sync_outbox SET staff_id = (SELECT staff_id FROM temp.sync_writer) WHERE tbl = '${table.name}' AND row_key = ${row}.${table.key};`;
    const columns = table.list === undefined ? table.cells : [...table.cells, table.key];
    // A list's owner before an insert had the list as it is; a new record had nothing. An insert
    // that lands on a record already there (an upsert: a merge's undo putting a reminder back) had
    // that record, so only the fields it changes are sent, not the whole record restated beside
    // other devices' values.
    const baseOnInsert =
      table.list === undefined
        ? `(SELECT ${recordJson(table, 'existing')} FROM main.${table.name} AS existing WHERE existing.${table.key} = NEW.${table.key})`
        : recordJson(table, 'NEW');
    // A list row moved to another owner (a merge) changes that owner's list too; a record's own key never changes.
    const newOwner = table.list === undefined ? '' : note('NEW', recordJson(table, 'NEW'));
    db.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS ${captureTrigger(table, 'insert')} BEFORE INSERT ON main.${table.name} ${condition('NEW')}
        BEGIN ${note('NEW', baseOnInsert)} END;
      CREATE TEMP TRIGGER IF NOT EXISTS ${captureTrigger(table, 'update')} BEFORE UPDATE OF ${columns.join(', ')} ON main.${table.name} ${condition('NEW')}
        BEGIN ${note('OLD', recordJson(table, 'OLD'))} ${newOwner} END;
      CREATE TEMP TRIGGER IF NOT EXISTS ${captureTrigger(table, 'delete')} BEFORE DELETE ON main.${table.name} ${condition('OLD')}
        BEGIN ${note('OLD', recordJson(table, 'OLD'))} END;
    `);
  }
};

/**
 * Runs `work` with this device's writes captured, on a connection that otherwise does not capture
 * (a sync's): what the derive module makes of what arrived — a reminder made or withdrawn, a reward
 * earned — is this device's write, sent like the same write made at the counter, so every device
 * ends with the one value the documents pick for it rather than each its own time of noticing.
 */
export const withWritesCaptured = <T>(db: Db, work: () => T): T => {
  if (capturing.has(db)) return work();
  installCaptureTriggers(db);
  try {
    return work();
  } finally {
    for (const table of replicatedTables) {
      for (const event of captureEvents) db.exec(`DROP TRIGGER IF EXISTS temp.${captureTrigger(table, event)}`);
    }
    capturing.delete(db);
  }
};
