import { nameSearchKeys } from '../../../shared/search-keys';
import type { Db } from '../db/connection';
import { statementsFor } from '../db/statements';

/** A row exactly as SQLite stores it, every column, so a merge can be undone value for value. */
export type RawRow = Record<string, unknown>;

/** The tables whose rows a merge snapshots and puts back; nothing else is ever written generically. */
const restorableTables = ['customers', 'customer_phones', 'customer_tags'] as const;
type RestorableTable = (typeof restorableTables)[number];

export interface DbMergeRow {
  id: string;
  at: string;
  actor_role: 'owner' | 'staff' | 'system';
  actor_staff_id: string | null;
  staff_name: string | null;
  survivor_id: string;
  absorbed_id: string;
  absorbed_name: string;
  survivor_updated_at: string;
  snapshot_json: string;
  moved_json: string;
  undone_at: string | null;
  /** The survivor's updated_at now, or null when the survivor is no longer in the book. */
  survivor_current_updated_at: string | null;
}

export type MergeWrite = Omit<DbMergeRow, 'staff_name' | 'undone_at' | 'survivor_current_updated_at'>;

const mergeColumns = `m.*, st.name AS staff_name, c.updated_at AS survivor_current_updated_at
  FROM customer_merges m
  LEFT JOIN staff st ON st.id = m.actor_staff_id
  LEFT JOIN customers c ON c.id = m.survivor_id`;

const statements = statementsFor((db) => {
  const columnsOf = Object.fromEntries(
    restorableTables.map((table) => [table, new Set(db.prepare<[string], string>('SELECT name FROM pragma_table_info(?)').pluck().all(table))]),
  ) as Record<RestorableTable, Set<string>>;
  const inserts = new Map<string, ReturnType<typeof prepareInsert>>();
  const prepareInsert = (table: RestorableTable, columns: readonly string[]) =>
    db.prepare<[RawRow], { rid: number } | undefined>(
      `INSERT INTO ${table} (${columns.map((column) => `"${column}"`).join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})
      ${table === 'customers' ? 'RETURNING rid' : ''}`,
    );
  const updates = new Map<string, ReturnType<typeof prepareUpdate>>();
  const prepareUpdate = (columns: readonly string[]) =>
    db.prepare<[RawRow]>(`UPDATE customers SET ${columns.map((column) => `"${column}" = @${column}`).join(', ')} WHERE id = @id`);
  /** Column names come from our own snapshot, and are checked against the table before use. */
  const checkedColumns = (table: RestorableTable, row: RawRow): string[] => {
    const columns = Object.keys(row);
    const unknown = columns.find((column) => !columnsOf[table].has(column));
    if (unknown !== undefined) throw new Error(`${table} has no column "${unknown}"`);
    return columns;
  };
  return {
    /** Answers the rid of an inserted customer. */
    insertRow: (table: RestorableTable, row: RawRow): number | undefined => {
      const columns = checkedColumns(table, row);
      const key = `${table}|${columns.join(',')}`;
      let statement = inserts.get(key);
      if (statement === undefined) {
        statement = prepareInsert(table, columns);
        inserts.set(key, statement);
      }
      if (table === 'customers') return statement.get(row)?.rid;
      statement.run(row);
      return undefined;
    },
    updateCustomer: (row: RawRow) => {
      const columns = checkedColumns('customers', row).filter((column) => column !== 'rid' && column !== 'id');
      const key = columns.join(',');
      let statement = updates.get(key);
      if (statement === undefined) {
        statement = prepareUpdate(columns);
        updates.set(key, statement);
      }
      statement.run(row);
    },
    customer: db.prepare<[string], RawRow>('SELECT * FROM customers WHERE id = ?'),
    phones: db.prepare<[string], RawRow>('SELECT * FROM customer_phones WHERE customer_id = ? ORDER BY position'),
    tags: db.prepare<[string], RawRow>('SELECT * FROM customer_tags WHERE customer_id = ? ORDER BY kind, position'),
    grams: db.prepare<[number], string>('SELECT gram FROM customer_name_grams WHERE customer_rid = ? ORDER BY gram').pluck(),
    ridTaken: db.prepare<[number], number>('SELECT count(*) FROM customers WHERE rid = ?').pluck(),
    deleteCustomer: db.prepare<[string]>('DELETE FROM customers WHERE id = ?'),
    deletePhones: db.prepare<[string]>('DELETE FROM customer_phones WHERE customer_id = ?'),
    deleteTags: db.prepare<[string]>('DELETE FROM customer_tags WHERE customer_id = ?'),
    deleteGrams: db.prepare<[number]>('DELETE FROM customer_name_grams WHERE customer_rid = ?'),
    insertGram: db.prepare<[string, number]>('INSERT INTO customer_name_grams (gram, customer_rid) VALUES (?, ?)'),
    deleteKeys: db.prepare<[number]>('DELETE FROM customer_name_keys WHERE customer_rid = ?'),
    insertKey: db.prepare<[string, number]>('INSERT INTO customer_name_keys (key, customer_rid) VALUES (?, ?)'),
    insertMerge: db.prepare<MergeWrite>(`
      INSERT INTO customer_merges (id, at, actor_role, actor_staff_id, survivor_id, absorbed_id, absorbed_name, survivor_updated_at, snapshot_json, moved_json)
      VALUES (@id, @at, @actor_role, @actor_staff_id, @survivor_id, @absorbed_id, @absorbed_name, @survivor_updated_at, @snapshot_json, @moved_json)`),
    getMerge: db.prepare<[string], DbMergeRow>(`SELECT ${mergeColumns} WHERE m.id = ?`),
    mergesInto: db.prepare<[string], DbMergeRow>(`SELECT ${mergeColumns} WHERE m.survivor_id = ? ORDER BY m.at DESC, m.id DESC`),
    markUndone: db.prepare<[string, string]>('UPDATE customer_merges SET undone_at = ? WHERE id = ?'),
    countMergesOf: db.prepare<{ id: string }, number>('SELECT count(*) FROM customer_merges WHERE survivor_id = @id OR absorbed_id = @id').pluck(),
    deleteMergesOf: db.prepare<{ id: string }>('DELETE FROM customer_merges WHERE survivor_id = @id OR absorbed_id = @id'),
  };
});

/** One customer as stored: the row, its phones and tags, and the short-search grams. */
export interface CustomerSnapshot {
  row: RawRow;
  phones: RawRow[];
  tags: RawRow[];
  grams: string[];
}

export const snapshotCustomer = (db: Db, id: string): CustomerSnapshot | null => {
  const s = statements(db);
  const row = s.customer.get(id);
  if (row === undefined) return null;
  return { row, phones: s.phones.all(id), tags: s.tags.all(id), grams: s.grams.all(row.rid as number) };
};

/** The customer's rid, where they are in the book. */
export const ridOf = (db: Db, id: string): number | null => (statements(db).customer.get(id)?.rid as number | undefined) ?? null;

export const deleteCustomerRow = (db: Db, id: string): void => {
  statements(db).deleteCustomer.run(id);
};

/**
 * Puts a deleted customer back as it was. Its old rid is reused when still free (it always is right
 * after the merge), otherwise a new one is taken; the search index and name grams follow the rid.
 */
export const reinsertCustomer = (db: Db, snapshot: CustomerSnapshot): number => {
  const s = statements(db);
  const free = s.ridTaken.get(snapshot.row.rid as number) === 0;
  const { rid: _rid, ...withoutRid } = snapshot.row;
  const rid = s.insertRow('customers', free ? snapshot.row : withoutRid)!;
  for (const phone of snapshot.phones) s.insertRow('customer_phones', phone);
  for (const tag of snapshot.tags) s.insertRow('customer_tags', tag);
  for (const gram of snapshot.grams) s.insertGram.run(gram, rid);
  // Keys follow from the name alone, so snapshots taken before they existed restore them too.
  for (const key of nameSearchKeys(snapshot.row.name as string)) s.insertKey.run(key, rid);
  return rid;
};

/** Writes a customer that still exists back to a snapshot, value for value. */
export const restoreCustomer = (db: Db, snapshot: CustomerSnapshot): void => {
  const s = statements(db);
  const id = snapshot.row.id as string;
  const rid = snapshot.row.rid as number;
  s.updateCustomer(snapshot.row);
  s.deletePhones.run(id);
  s.deleteTags.run(id);
  s.deleteGrams.run(rid);
  s.deleteKeys.run(rid);
  for (const phone of snapshot.phones) s.insertRow('customer_phones', phone);
  for (const tag of snapshot.tags) s.insertRow('customer_tags', tag);
  for (const gram of snapshot.grams) s.insertGram.run(gram, rid);
  for (const key of nameSearchKeys(snapshot.row.name as string)) s.insertKey.run(key, rid);
};

export const insertMerge = (db: Db, merge: MergeWrite): void => {
  statements(db).insertMerge.run(merge);
};

export const getMerge = (db: Db, id: string): DbMergeRow | null => statements(db).getMerge.get(id) ?? null;

export const mergesInto = (db: Db, survivorId: string): DbMergeRow[] => statements(db).mergesInto.all(survivorId);

export const markMergeUndone = (db: Db, id: string, at: string): void => {
  statements(db).markUndone.run(at, id);
};

/** Merges a customer took part in, either side (an absorbed customer is back only if its merge was undone). */
export const countMergesOf = (db: Db, customerId: string): number => statements(db).countMergesOf.get({ id: customerId }) ?? 0;

/** A purged customer's merge records go with them: their snapshots hold the customer's data. */
export const deleteMergesOf = (db: Db, customerId: string): void => {
  statements(db).deleteMergesOf.run({ id: customerId });
};
