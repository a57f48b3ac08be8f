import type { CellScalar } from '../../../shared/sync/cells';
import type { Db } from '../db/connection';
import { replicatedTable, type ReplicatedTable } from '../db/replicated';
import { statementsFor } from '../db/statements';

/** The bookkeeping of a shared book (migration 021). */
const statements = statementsFor((db) => ({
  outbox: db.prepare<[], { tbl: string; row_key: string; base_json: string | null; staff_id: string | null; resolved_json: string | null }>(
    'SELECT tbl, row_key, base_json, staff_id, resolved_json FROM sync_outbox',
  ),
  resolved: db.prepare<[string, string, string]>(
    "UPDATE sync_outbox SET resolved_json = json_insert(coalesce(resolved_json, '[]'), '$[#]', ?) WHERE tbl = ? AND row_key = ?",
  ),
  clearOutbox: db.prepare('DELETE FROM sync_outbox'),
  bucket: db.prepare<[number], { projected_heads: string; exported_heads: string }>('SELECT projected_heads, exported_heads FROM sync_buckets WHERE bucket = ?'),
  setProjected: db.prepare<[number, string]>(
    'INSERT INTO sync_buckets (bucket, projected_heads) VALUES (?, ?) ON CONFLICT (bucket) DO UPDATE SET projected_heads = excluded.projected_heads',
  ),
  setExported: db.prepare<[number, string]>(
    'INSERT INTO sync_buckets (bucket, exported_heads) VALUES (?, ?) ON CONFLICT (bucket) DO UPDATE SET exported_heads = excluded.exported_heads',
  ),
  peerSeq: db.prepare<[string], number>('SELECT folder_seq FROM sync_peers WHERE device_id = ?').pluck(),
  setPeerSeq: db.prepare<[string, number, string]>(
    'INSERT INTO sync_peers (device_id, folder_seq, last_received_at) VALUES (?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET folder_seq = excluded.folder_seq, last_received_at = excluded.last_received_at',
  ),
  setPeerHeard: db.prepare<[string, string]>(
    'INSERT INTO sync_peers (device_id, last_received_at) VALUES (?, ?) ON CONFLICT (device_id) DO UPDATE SET last_received_at = excluded.last_received_at',
  ),
  setOwnSeq: db.prepare<[string, number]>(
    'INSERT INTO sync_peers (device_id, folder_seq) VALUES (?, ?) ON CONFLICT (device_id) DO UPDATE SET folder_seq = excluded.folder_seq',
  ),
  keepPeer: db.prepare<[string, number, string | null]>('INSERT INTO sync_peers (device_id, folder_seq, last_received_at) VALUES (?, ?, ?)'),
  peersHeard: db.prepare<[], { device_id: string; last_received_at: string | null }>('SELECT device_id, last_received_at FROM sync_peers'),
  // A customer's phone and tag lists are noted apart from the customer, but are one change to the owner.
  outboxCount: db.prepare<[], number>(`
    SELECT count(DISTINCT CASE WHEN tbl IN ('customer_phones', 'customer_tags') THEN 'customers' ELSE tbl END || '/' || row_key) FROM sync_outbox`).pluck(),
  setConflict: db.prepare<[string, string, string, string]>(
    'INSERT INTO sync_conflicts (tbl, row_key, col, values_json) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET values_json = excluded.values_json',
  ),
  clearConflict: db.prepare<[string, string, string]>('DELETE FROM sync_conflicts WHERE tbl = ? AND row_key = ? AND col = ?'),
  holdsRecords: db.prepare<[], number>('SELECT EXISTS (SELECT 1 FROM customers) OR EXISTS (SELECT 1 FROM visits) OR EXISTS (SELECT 1 FROM complaints)').pluck(),
  customerRid: db.prepare<[string], number>('SELECT rid FROM customers WHERE id = ?').pluck(),
  mergedInto: db.prepare<[string], string>('SELECT survivor_id FROM customer_merges WHERE absorbed_id = ? AND undone_at IS NULL ORDER BY at DESC, id DESC LIMIT 1').pluck(),
  mergedAs: db.prepare<[string], string>('SELECT snapshot_json FROM customer_merges WHERE absorbed_id = ? AND undone_at IS NULL ORDER BY at DESC, id DESC LIMIT 1').pluck(),
  lastMergedAs: db.prepare<[string], string>('SELECT snapshot_json FROM customer_merges WHERE absorbed_id = ? ORDER BY at DESC, id DESC LIMIT 1').pluck(),
  wasAbsorbed: db.prepare<[string], number>('SELECT EXISTS (SELECT 1 FROM customer_merges WHERE absorbed_id = ?)').pluck(),
  survivorsOf: db.prepare<[string], string>('SELECT DISTINCT survivor_id FROM customer_merges WHERE absorbed_id = ?').pluck(),
  note: db.prepare<[string, string, string | null]>('INSERT OR IGNORE INTO sync_outbox (tbl, row_key, base_json) VALUES (?, ?, ?)'),
  conflicts: db.prepare<[], { tbl: string; row_key: string; col: string; values_json: string }>('SELECT * FROM sync_conflicts ORDER BY tbl, row_key, col'),
  exportedAll: db.prepare<[], { bucket: number; exported_heads: string }>('SELECT bucket, exported_heads FROM sync_buckets'),
  peersAll: db.prepare<[], { device_id: string; folder_seq: number; last_received_at: string | null }>('SELECT device_id, folder_seq, last_received_at FROM sync_peers'),
  keepExported: db.prepare<[number, string]>("INSERT INTO sync_buckets (bucket, projected_heads, exported_heads) VALUES (?, '[]', ?)"),
  hold: db.prepare<[string, string, HeldReason, string, string, string]>(`
    INSERT INTO sync_held (tbl, row_key, reason, detail, first_at, last_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (tbl, row_key) DO UPDATE SET reason = excluded.reason, detail = excluded.detail, last_at = excluded.last_at`),
  release: db.prepare<[string, string]>('DELETE FROM sync_held WHERE tbl = ? AND row_key = ?'),
  anyHeld: db.prepare<[], number>('SELECT EXISTS (SELECT 1 FROM sync_held)').pluck(),
  held: db.prepare<[], HeldRecord>('SELECT tbl, row_key, reason, detail, first_at, last_at FROM sync_held ORDER BY first_at, tbl, row_key'),
}));

export type HeldReason = 'missing_reference' | 'breaks_rule';

/** A record another device sent that this book could not write yet (migration 029). */
export interface HeldRecord {
  tbl: string;
  row_key: string;
  reason: HeldReason;
  /** What refused it: the book's own words (SQLite's constraint message), for whoever looks into it. */
  detail: string;
  first_at: string;
  last_at: string;
}

export const holdRecord = (db: Db, table: string, rowKey: string, reason: HeldReason, detail: string, at: string): void =>
  void statements(db).hold.run(table, rowKey, reason, detail, at, at);
export const releaseRecord = (db: Db, table: string, rowKey: string): void => void statements(db).release.run(table, rowKey);
export const anyRecordHeld = (db: Db): boolean => statements(db).anyHeld.get() === 1;
export const heldRecords = (db: Db): HeldRecord[] => statements(db).held.all();

/** What this device has sent and read, kept across a restore of its book. */
export interface SendingBookkeeping {
  exported: { bucket: number; exported_heads: string }[];
  peers: { device_id: string; folder_seq: number; last_received_at: string | null }[];
}

export const readSendingBookkeeping = (db: Db): SendingBookkeeping => ({ exported: statements(db).exportedAll.all(), peers: statements(db).peersAll.all() });

/**
 * A restored book holds the bookkeeping of the day it was backed up. It gets this device's record
 * of what it sent and read (so nothing is sent twice or read wrongly) and none of what it had
 * projected: the next sync writes every record the shared documents hold into it again, so the
 * restored book comes back to what every device agrees on instead of taking the others back with it.
 * Its pending notes go: they are the backup's, and were sent or superseded since.
 */
export const keepSendingBookkeeping = (db: Db, kept: SendingBookkeeping): void => {
  const s = statements(db);
  resetSyncBookkeeping(db);
  for (const row of kept.exported) s.keepExported.run(row.bucket, row.exported_heads);
  for (const row of kept.peers) s.keepPeer.run(row.device_id, row.folder_seq, row.last_received_at);
};

/**
 * A book fetched by a joining device was the inviting device's: its record of what was projected,
 * sent and read was that device's, not this one's. This device reads every bundle again from the
 * start (writing the same records again changes nothing).
 */
export const resetSyncBookkeeping = (db: Db): void => {
  db.exec('DELETE FROM sync_outbox; DELETE FROM sync_buckets; DELETE FROM sync_peers; DELETE FROM sync_conflicts; DELETE FROM sync_held;');
};

/** Whether anyone has recorded anything in this book (a device joins only with an empty one). */
export const bookHoldsRecords = (db: Db): boolean => statements(db).holdsRecords.get() === 1;

export const customerRid = (db: Db, id: string): number | null => statements(db).customerRid.get(id) ?? null;
/** The customer this one was merged into, while the merge stands. */
export const mergedInto = (db: Db, id: string): string | null => statements(db).mergedInto.get(id) ?? null;

/** A customer merged away here, as the standing merge's snapshot holds them: their row, phones and tags, every column. */
export interface MergedAs {
  row: Record<string, CellScalar>;
  phones: Record<string, CellScalar>[];
  tags: Record<string, CellScalar>[];
}

/** As the merge standing here took them; null where none did. `undoneToo`: the latest merge that took them, undone or not (what its undo put back). */
export const mergedAs = (db: Db, id: string, undoneToo = false): MergedAs | null => {
  const snapshot = (undoneToo ? statements(db).lastMergedAs : statements(db).mergedAs).get(id);
  return snapshot === undefined ? null : (JSON.parse(snapshot) as { absorbed: MergedAs }).absorbed;
};

/** Whether a merge ever absorbed this customer here (undone or not): a customer who can come back. */
export const wasAbsorbed = (db: Db, id: string): boolean => statements(db).wasAbsorbed.get(id) === 1;

/** The customers merges here ever merged this one into (undone or not). */
export const survivorsOf = (db: Db, id: string): string[] => statements(db).survivorsOf.all(id);

/**
 * Notes a record for sending, as a capture trigger would: for changes the sync itself makes to
 * keep the book whole (a visit another device logged for a customer merged away here follows the
 * merge), so every device ends with the same record.
 */
export const noteForSending = (db: Db, table: ReplicatedTable, rowKey: string): void => {
  const record = readRecord(db, table, rowKey);
  statements(db).note.run(table.name, rowKey, record === null ? null : JSON.stringify(record));
};

/**
 * The owner resolved values entered while apart by picking one, just written to the record (so
 * noted by the capture): the cell is sent even when the value picked is the one the book showed,
 * and supersedes the others everywhere.
 */
export const noteResolved = (db: Db, table: string, rowKey: string, column: string): void => {
  // A pick that left the record as it was wrote nothing the capture noted (an empty phone list
  // picked where the list was empty: no row deleted or added), and the pick went nowhere.
  const replicated = replicatedTable(table);
  if (replicated !== undefined) noteForSending(db, replicated, rowKey);
  statements(db).resolved.run(column, table, rowKey);
};

/** Keys of the records of a table whose `column` names this customer. */
export const recordsNaming = (db: Db, table: ReplicatedTable, column: string, customerId: string): string[] =>
  rowStatements(db)(`SELECT ${table.key} FROM ${table.name} WHERE ${column} = ?`).pluck().all(customerId) as string[];

export const outboxRows = (db: Db) => statements(db).outbox.all();
export const clearOutbox = (db: Db): void => void statements(db).clearOutbox.run();

export const bucketHeads = (db: Db, bucket: number): { projected: string[]; exported: string[] } => {
  const row = statements(db).bucket.get(bucket);
  return { projected: JSON.parse(row?.projected_heads ?? '[]') as string[], exported: JSON.parse(row?.exported_heads ?? '[]') as string[] };
};
export const setProjectedHeads = (db: Db, bucket: number, heads: readonly string[]): void => void statements(db).setProjected.run(bucket, JSON.stringify(heads));
export const setExportedHeads = (db: Db, bucket: number, heads: readonly string[]): void => void statements(db).setExported.run(bucket, JSON.stringify(heads));

/** How far this book has read another device's bundles; under this device's own id, the last number it wrote (in any folder). */
export const peerFolderSeq = (db: Db, deviceId: string): number => statements(db).peerSeq.get(deviceId) ?? 0;
/** Another device's bundles read up to `seq`, the latest of them received at `at`. */
export const setPeerFolderSeq = (db: Db, deviceId: string, seq: number, at: string): void => void statements(db).setPeerSeq.run(deviceId, seq, at);
/** The last number this device wrote a bundle under, in any folder (kept under its own id). */
export const setOwnFolderSeq = (db: Db, deviceId: string, seq: number): void => void statements(db).setOwnSeq.run(deviceId, seq);
/** Another device synced with this one over the shop's network at `at`: everything it held then is here (its folder number untouched). */
export const setPeerHeard = (db: Db, deviceId: string, at: string): void => void statements(db).setPeerHeard.run(deviceId, at);
/** When each other device's changes were last received here (migration 023). */
export const peersLastHeard = (db: Db): Map<string, string | null> => new Map(statements(db).peersHeard.all().map((row) => [row.device_id, row.last_received_at]));
/** Records this device changed since its last sync, a customer with its phone and tag lists as one: what waits to be sent. */
export const outboxCount = (db: Db): number => statements(db).outboxCount.get() ?? 0;

export const setConflict = (db: Db, table: string, rowKey: string, column: string, valuesJson: string): void =>
  void statements(db).setConflict.run(table, rowKey, column, valuesJson);
export const clearConflict = (db: Db, table: string, rowKey: string, column: string): void => void statements(db).clearConflict.run(table, rowKey, column);
export const storedConflicts = (db: Db) => statements(db).conflicts.all();

/**
 * A replicated record as stored, read and written generically from its table's description
 * (db/replicated.ts): the table and column names are the description's constants, never input.
 */
const rowStatements = statementsFor((db) => {
  const cache = new Map<string, ReturnType<Db['prepare']>>();
  return (sql: string) => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
});

/** A row table's record (column → value), or a list table's rows in order; null when there is none. */
export const readRecord = (db: Db, table: ReplicatedTable, rowKey: string): Record<string, CellScalar> | CellScalar[][] | null => {
  const prepared = rowStatements(db);
  if (table.list !== undefined) {
    const rows = prepared(`SELECT ${table.cells.join(', ')} FROM ${table.name} WHERE ${table.key} = ? ORDER BY ${table.list.order}`).raw().all(rowKey) as CellScalar[][];
    return rows;
  }
  const where = table.where === undefined ? '' : ` AND ${table.where(table.name)}`;
  const row = prepared(`SELECT ${table.cells.join(', ')} FROM ${table.name} WHERE ${table.key} = ?${where}`).get(rowKey) as Record<string, CellScalar> | undefined;
  return row ?? null;
};

/**
 * Forgets the values entered apart for this table's records that are no longer in the book (a
 * customer merged away or deleted, here or on another device): nothing is left to show or pick, and
 * were the record to come back (a merge undone), its projection finds its values again. A list's
 * record is its owner (a customer's phones): an empty list is still a list.
 */
export const forgetConflictsOfGoneRecords = (db: Db, table: ReplicatedTable): void => {
  const [home, key] = table.list === undefined ? [table.name, table.key] : ['customers', 'id'];
  rowStatements(db)(`DELETE FROM sync_conflicts WHERE tbl = ? AND NOT EXISTS (SELECT 1 FROM ${home} WHERE ${key} = sync_conflicts.row_key)`).run(table.name);
};

export const recordExists = (db: Db, table: ReplicatedTable, rowKey: string): boolean =>
  rowStatements(db)(`SELECT 1 FROM ${table.name} WHERE ${table.key} = ?`).get(rowKey) !== undefined;

export const deleteRecord = (db: Db, table: ReplicatedTable, rowKey: string): void => {
  rowStatements(db)(`DELETE FROM ${table.name} WHERE ${table.key} = ?`).run(rowKey);
};

export const insertRecord = (db: Db, table: ReplicatedTable, values: Record<string, CellScalar>): void => {
  const columns = Object.keys(values);
  rowStatements(db)(`INSERT INTO ${table.name} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`).run(values);
};

export const updateRecord = (db: Db, table: ReplicatedTable, rowKey: string, values: Record<string, CellScalar>): void => {
  const columns = Object.keys(values);
  if (columns.length === 0) return;
  rowStatements(db)(`UPDATE ${table.name} SET ${columns.map((column) => `${column} = @${column}`).join(', ')} WHERE ${table.key} = @sync_row_key`).run({
    ...values,
    sync_row_key: rowKey,
  });
};

/** A list table's rows for one owner, replaced by these (in the table's cell order). */
export const replaceList = (db: Db, table: ReplicatedTable, owner: string, rows: readonly CellScalar[][]): void => {
  const prepared = rowStatements(db);
  prepared(`DELETE FROM ${table.name} WHERE ${table.key} = ?`).run(owner);
  const insert = prepared(`INSERT INTO ${table.name} (${table.key}, ${table.cells.join(', ')}) VALUES (?${', ?'.repeat(table.cells.length)})`);
  for (const row of rows) insert.run([owner, ...row]);
};
