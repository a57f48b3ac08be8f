import { customerFields, editableFieldsOf, type CustomerFields } from '../../../shared/contract/customers';
import type { ConflictTable } from '../../../shared/contract/conflicts';
import { parseStoredJson } from '../../../shared/json';
import { err, ok, type Result } from '../../../shared/result';
import type { CellScalar } from '../../../shared/sync/cells';
import { toFieldIssues } from '../../../shared/validation';
import { recordAudit } from '../audit';
import { setComplaintDetail, type ComplaintDetailColumn } from '../complaints';
import type { HandlerContext } from '../context';
import { editCustomer, getCustomerRow, readCustomerDetail, setCustomerArchived } from '../customers';
import { inTransaction } from '../db/transaction';
import { afterRulesChanged, afterWrite } from '../derive';
import { writeStoredSetting } from '../settings';
import { getStaff, updateStaff } from '../staff';
import { noteResolved } from '../sync';
import { cellsOf, complaintPickable, customerFieldOf, isPickable, listItemsOf } from './present';
import { clearConflictRow, conflictCells } from './queries';

export interface PickInput {
  table: ConflictTable;
  rowKey: string;
  column: string;
  deviceId: string;
  at: string;
}

/** The customer's fields with one stored column (or list) set to the value picked. */
const withPicked = (fields: CustomerFields, table: ConflictTable, column: string, value: CellScalar): Record<string, unknown> => {
  const items = listItemsOf(table, value);
  if (items !== null && table === 'customer_phones') return { ...fields, phones: items.map((item) => item.text) };
  if (items !== null) {
    return { ...fields, tags: items.filter((item) => item.kind === 'tag').map((item) => item.text), interests: items.filter((item) => item.kind === 'interest').map((item) => item.text) };
  }
  const birthday = fields.birthday ?? { month: 1, day: 1, year: null };
  switch (column) {
    case 'birthday_month':
      return { ...fields, birthday: value === null ? null : { ...birthday, month: value } };
    case 'birthday_day':
      return { ...fields, birthday: value === null ? null : { ...birthday, day: value } };
    case 'birthday_year':
      return { ...fields, birthday: fields.birthday === null ? null : { ...birthday, year: value } };
    case 'consent_contact':
      return { ...fields, consentToContact: value === 1 || value === true };
    default:
      return { ...fields, [customerFieldOf[column] ?? column]: value };
  }
};

/** Writes the value picked through the customers feature's own writers, as an edit made here. */
const pickForCustomer = (ctx: HandlerContext, table: ConflictTable, customerId: string, column: string, value: CellScalar): Result<unknown> => {
  if (table === 'customers' && column === 'archived_at') {
    const row = getCustomerRow(ctx.db, customerId);
    if (row === null) return err('NOT_FOUND', { entity: 'customer', id: customerId });
    const archivedAt = typeof value === 'string' ? value : null;
    setCustomerArchived(ctx.db, customerId, archivedAt, ctx.now().toISOString());
    afterWrite(ctx, { customerIds: [customerId] });
    recordAudit(ctx, { action: archivedAt === null ? 'customer.unarchive' : 'customer.archive', entity: 'customer', entityId: customerId });
    return ok(null);
  }
  const detail = readCustomerDetail(ctx.db, customerId, 'owner');
  if (detail === null) return err('NOT_FOUND', { entity: 'customer', id: customerId });
  const picked = withPicked(editableFieldsOf(detail), table, column, value);
  const parsed = customerFields.safeParse(picked);
  if (!parsed.success) return err('VALIDATION_FAILED', { issues: toFieldIssues(parsed.error, picked) });
  return editCustomer(ctx, customerId, parsed.data);
};

const pickForComplaint = (ctx: HandlerContext, complaintId: string, column: string, value: CellScalar): Result<unknown> => {
  setComplaintDetail(ctx.db, complaintId, column as ComplaintDetailColumn, typeof value === 'string' ? value : null, ctx.now().toISOString());
  recordAudit(ctx, { action: 'complaint.update', entity: 'complaint', entityId: complaintId, after: { [complaintPickable[column] ?? column]: value } });
  return ok(null);
};

const pickForStaff = (ctx: HandlerContext, staffId: string, column: string, value: CellScalar): Result<unknown> => {
  const before = getStaff(ctx.db, staffId);
  if (before === null) return err('NOT_FOUND', { entity: 'staff', id: staffId });
  const after = { ...before, ...(column === 'name' ? { name: String(value) } : { active: value === 1 || value === true }) };
  updateStaff(ctx.db, staffId, after.name, after.active);
  recordAudit(ctx, { action: 'staff.update', entity: 'staff', entityId: staffId, before, after });
  return ok(null);
};

const pickForSetting = (ctx: HandlerContext, key: string, value: CellScalar): Result<unknown> => {
  if (typeof value !== 'string') return err('INVALID_STATE', { reason: 'conflict_gone' });
  writeStoredSetting(ctx.db, key, value);
  recordAudit(ctx, { action: 'settings.update', entity: 'settings', entityId: null, after: { [key]: parseStoredJson(value) ?? value } });
  // A rule changed: tiers, lapse days and reminders follow, as after a sync that changed one.
  afterRulesChanged(ctx);
  return ok(null);
};

const ownersOnly = new Set<ConflictTable>(['staff', 'settings']);

/**
 * Makes one of the values entered while apart the record's value: written as an ordinary edit
 * through the record's own feature (captured, so the other devices receive it and it supersedes
 * the values they hold), noted as the owner's resolution (sent even when it is the value the book
 * already showed), and the field's conflict cleared here at once.
 */
export const pickConflict = (ctx: HandlerContext, input: PickInput): Result<{ table: ConflictTable; rowKey: string }> => {
  if (ownersOnly.has(input.table) && ctx.session.role !== 'owner') return err('FORBIDDEN', { required: 'owner' });
  return inTransaction(ctx.db, () => {
    const stored = conflictCells(ctx.db, input.table, input.rowKey, input.column);
    const chosen = stored === null ? undefined : cellsOf({ values_json: stored }).find((cell) => cell.device === input.deviceId && cell.at === input.at);
    if (chosen === undefined) return err('INVALID_STATE', { reason: 'conflict_gone' });
    if (!isPickable(input.table, input.column)) return err('INVALID_STATE', { reason: 'conflict_not_pickable' });
    const { table, rowKey, column } = input;
    const written =
      table === 'complaints'
        ? pickForComplaint(ctx, rowKey, column, chosen.value)
        : table === 'staff'
          ? pickForStaff(ctx, rowKey, column, chosen.value)
          : table === 'settings'
            ? pickForSetting(ctx, rowKey, chosen.value)
            : pickForCustomer(ctx, table, rowKey, column, chosen.value);
    if (!written.ok) return written;
    noteResolved(ctx.db, table, rowKey, column);
    clearConflictRow(ctx.db, table, rowKey, column);
    return ok({ table, rowKey });
  });
};
