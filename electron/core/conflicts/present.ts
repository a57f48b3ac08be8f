import type { ConflictListItem, ConflictTable, ConflictValue, FieldConflict } from '../../../shared/contract/conflicts';
import type { CellValue } from '../../../shared/sync/cells';
import type { Db } from '../db/connection';
import { getStaff } from '../staff';
import { deviceName } from '../sync';
import type { DbConflictRow } from './queries';

/** The customer field each stored column is shown and edited as. */
export const customerFieldOf: Readonly<Record<string, string>> = {
  name: 'name',
  email: 'email',
  birthday_month: 'birthdayMonth',
  birthday_day: 'birthdayDay',
  birthday_year: 'birthdayYear',
  address: 'address',
  gender: 'gender',
  notes: 'notes',
  source: 'source',
  need_type: 'needType',
  owner_staff_id: 'ownerStaffId',
  consent_contact: 'consentToContact',
  archived_at: 'archived',
};

/**
 * A complaint's fields a pick may set: what was said and who owns it. Its progress (state, replies,
 * promises, escalation) is moved by its steps, each with its own record, and is only shown.
 */
export const complaintPickable: Readonly<Record<string, string>> = {
  channel: 'channel',
  category: 'category',
  severity: 'severity',
  description: 'description',
  owner_staff_id: 'ownerStaffId',
};

const snakeToCamel = (column: string): string => column.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

const fieldOf = (table: ConflictTable, rowKey: string, column: string): string => {
  if (table === 'customer_phones') return 'phones';
  if (table === 'customer_tags') return 'tags';
  if (table === 'settings') return rowKey;
  if (table === 'customers') return customerFieldOf[column] ?? snakeToCamel(column);
  return snakeToCamel(column);
};

export const isPickable = (table: ConflictTable, column: string): boolean => {
  if (table === 'customers') return customerFieldOf[column] !== undefined;
  if (table === 'complaints') return complaintPickable[column] !== undefined;
  if (table === 'staff') return column === 'name' || column === 'active';
  return true;
};

/** A phone or tag list's entries, from its cell (the list's rows as JSON, in the table's cell order). */
export const listItemsOf = (table: ConflictTable, value: unknown): ConflictListItem[] | null => {
  if (table !== 'customer_phones' && table !== 'customer_tags') return null;
  if (typeof value !== 'string') return [];
  const rows = JSON.parse(value) as unknown[][];
  // Phones: position, display, …; labels: kind, position, value, …
  if (table === 'customer_phones') return rows.map((row) => ({ kind: 'phone', text: String(row[1]) }));
  return rows.map((row) => ({ kind: row[0] === 'interest' ? 'interest' : 'tag', text: String(row[2]) }));
};

const namesStaff = (column: string): boolean => column === 'owner_staff_id';

/** The cells a conflict row holds, as the projection stored them (rows stored before staff were recorded have none). */
export const cellsOf = (row: Pick<DbConflictRow, 'values_json'>): CellValue[] =>
  (JSON.parse(row.values_json) as Partial<CellValue>[]).flatMap(({ value = null, device, at, staff = null }) =>
    typeof device === 'string' && typeof at === 'string' ? [{ value, device, at, staff }] : [],
  );

/** `valueNow`: what the book holds in the field (the value marked shown). */
export const toFieldConflict = (db: Db, thisDeviceId: string | null, row: DbConflictRow, valueNow: unknown): FieldConflict => {
  const table = row.tbl as ConflictTable;
  const staffNames = new Map<string, string | null>();
  const staffName = (id: string | null): string | null => {
    if (id === null) return null;
    if (!staffNames.has(id)) staffNames.set(id, getStaff(db, id)?.name ?? null);
    return staffNames.get(id) ?? null;
  };
  const values: ConflictValue[] = cellsOf(row).map((cell) => ({
    value: cell.value,
    items: listItemsOf(table, cell.value),
    namedStaff: namesStaff(row.col) && typeof cell.value === 'string' ? staffName(cell.value) : null,
    deviceId: cell.device,
    deviceName: deviceName(db, cell.device),
    thisDevice: cell.device === thisDeviceId,
    staffId: cell.staff,
    staffName: staffName(cell.staff),
    at: cell.at,
    shown: cell.value === valueNow,
  }));
  return { table, rowKey: row.row_key, column: row.col, field: fieldOf(table, row.row_key, row.col), values, pickable: isPickable(table, row.col) };
};
