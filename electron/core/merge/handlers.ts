import type { RecordCount } from '../../../shared/contract/customer-records';
import type { CustomerFields } from '../../../shared/contract/customers';
import { err, ok, type Result } from '../../../shared/result';
import { recordAudit } from '../audit';
import type { HandlerContext } from '../context';
import { auditedFields, changedFields, checkOwnerStaff, customerParts, type DbCustomerRow, getCustomerRow, readCustomerDetail, toCustomerWrite, updateCustomer, writeCustomerParts } from '../customers';
import type { CustomerRecordsParticipant, CustomerRef } from '../customer-records';
import { newId } from '../db/ids';
import { afterWrite } from '../derive';
import { inTransaction } from '../db/transaction';
import type { HandlerImpls } from '../registry';
import { currentSettings } from '../settings';
import { toMergeRecord } from './present';
import {
  deleteCustomerRow,
  getMerge,
  insertMerge,
  markMergeUndone,
  mergesInto,
  restoreCustomer,
  snapshotCustomer,
} from './queries';
import { giveAbsorbedBack } from './undo';

const refOf = (row: DbCustomerRow): CustomerRef => ({ id: row.id, rid: row.rid });

/**
 * One derived pass for both customers of a merge or its undo, the customers the participants' moves
 * also concern (referrers of moved links), and the book-wide reminder kinds they change. The
 * absorbed customer is gone after a merge; the pass skips customers no longer in the book.
 */
const derivedAfterMerge = (ctx: HandlerContext, participants: readonly CustomerRecordsParticipant[], customerIds: readonly string[]): void => {
  const touched = new Set(customerIds);
  const bookReminderKinds = new Set<string>();
  for (const participant of participants) {
    for (const id of participant.alsoTouched?.(ctx.db, customerIds) ?? []) touched.add(id);
    for (const kind of participant.bookReminderKinds ?? []) bookReminderKinds.add(kind);
  }
  afterWrite(ctx, { customerIds: touched, visitsChanged: true, bookReminderKinds: [...bookReminderKinds] });
};

/** The two customers of a merge, or why they cannot be merged. */
const mergeablePair = (
  ctx: HandlerContext,
  participants: readonly CustomerRecordsParticipant[],
  survivorId: string,
  absorbedId: string,
): Result<{ survivor: DbCustomerRow; absorbed: DbCustomerRow }> => {
  if (survivorId === absorbedId) return err('INVALID_STATE', { reason: 'merge_same_customer' });
  const survivor = getCustomerRow(ctx.db, survivorId);
  if (survivor === null) return err('NOT_FOUND', { entity: 'customer', id: survivorId });
  const absorbed = getCustomerRow(ctx.db, absorbedId);
  if (absorbed === null) return err('NOT_FOUND', { entity: 'customer', id: absorbedId });
  if (survivor.archived_at !== null) return err('INVALID_STATE', { reason: 'customer_archived' });
  for (const participant of participants) {
    const check = participant.checkMerge?.(ctx.db, refOf(survivor), refOf(absorbed));
    if (check && !check.ok) return check;
  }
  return ok({ survivor, absorbed });
};

const countsOf = (ctx: HandlerContext, participants: readonly CustomerRecordsParticipant[], customerId: string): RecordCount[] =>
  participants.flatMap((participant) => participant.count(ctx.db, customerId));

const detailOf = (ctx: HandlerContext, id: string) => readCustomerDetail(ctx.db, id, 'owner')!;

const merge = (ctx: HandlerContext, participants: readonly CustomerRecordsParticipant[], survivorId: string, absorbedId: string, fields: CustomerFields) =>
  inTransaction(ctx.db, () => {
    const pair = mergeablePair(ctx, participants, survivorId, absorbedId);
    if (!pair.ok) return pair;
    const staffCheck = checkOwnerStaff(ctx, fields);
    if (!staffCheck.ok) return staffCheck;
    const { survivor, absorbed } = pair.value;
    const now = ctx.now().toISOString();
    const snapshot = { survivor: snapshotCustomer(ctx.db, survivor.id)!, absorbed: snapshotCustomer(ctx.db, absorbed.id)! };
    const survivorBefore = auditedFields(detailOf(ctx, survivor.id));
    const absorbedBefore = auditedFields(detailOf(ctx, absorbed.id));

    const moved: Record<string, unknown> = {};
    for (const participant of participants) moved[participant.name] = participant.moveForMerge(ctx.db, refOf(survivor), refOf(absorbed));
    deleteCustomerRow(ctx.db, absorbed.id);
    // A customer since the earlier of the two sign-ups.
    const createdAt = absorbed.created_at < survivor.created_at ? absorbed.created_at : survivor.created_at;
    const parts = customerParts(fields, currentSettings(ctx).country);
    updateCustomer(ctx.db, toCustomerWrite(survivor.id, fields, parts, createdAt, now));
    writeCustomerParts(ctx.db, survivor.id, survivor.rid, parts);
    derivedAfterMerge(ctx, participants, [survivor.id, absorbed.id]);

    const id = newId();
    insertMerge(ctx.db, {
      id,
      at: now,
      actor_role: ctx.session.role,
      actor_staff_id: ctx.session.staffId,
      survivor_id: survivor.id,
      absorbed_id: absorbed.id,
      absorbed_name: absorbed.name,
      survivor_updated_at: now,
      snapshot_json: JSON.stringify(snapshot),
      moved_json: JSON.stringify(moved),
    });
    const survivorAfter = detailOf(ctx, survivor.id);
    const changes = changedFields(survivorBefore, auditedFields(survivorAfter));
    const mergedFrom = { id: absorbed.id, name: absorbed.name, mergeId: id };
    recordAudit(ctx, { action: 'customer.merge', entity: 'customer', entityId: survivor.id, before: changes.before, after: { ...changes.after, mergedFrom } });
    recordAudit(ctx, {
      action: 'customer.merged_into',
      entity: 'customer',
      entityId: absorbed.id,
      before: absorbedBefore,
      after: { mergedInto: { id: survivor.id, name: survivorAfter.name, mergeId: id } },
    });
    return ok({ merge: toMergeRecord(getMerge(ctx.db, id)!), survivor: readCustomerDetail(ctx.db, survivor.id, ctx.session.role)! });
  });

/**
 * Puts both customers back exactly as they were before the merge: the absorbed one with its id, rid,
 * phones, tags and name grams, everything each feature moved, and the survivor's own values. Only
 * while the survivor is as the merge left it; what was logged on it since stays with it.
 */
const undoMerge = (ctx: HandlerContext, participants: readonly CustomerRecordsParticipant[], mergeId: string) =>
  inTransaction(ctx.db, () => {
    const record = getMerge(ctx.db, mergeId);
    if (record === null) return err('NOT_FOUND', { entity: 'merge', id: mergeId });
    if (record.undone_at !== null) return err('INVALID_STATE', { reason: 'merge_undone' });
    if (record.survivor_current_updated_at === null || getCustomerRow(ctx.db, record.absorbed_id) !== null) {
      return err('INVALID_STATE', { reason: 'merge_gone' });
    }
    if (record.survivor_current_updated_at !== record.survivor_updated_at) return err('INVALID_STATE', { reason: 'merge_changed_since' });
    const survivorBefore = auditedFields(detailOf(ctx, record.survivor_id));

    restoreCustomer(ctx.db, giveAbsorbedBack(ctx.db, participants, record).survivorBefore);
    derivedAfterMerge(ctx, participants, [record.survivor_id, record.absorbed_id]);
    markMergeUndone(ctx.db, mergeId, ctx.now().toISOString());

    const survivor = detailOf(ctx, record.survivor_id);
    const absorbed = detailOf(ctx, record.absorbed_id);
    const changes = changedFields(survivorBefore, auditedFields(survivor));
    const mergeRef = { id: record.absorbed_id, name: absorbed.name, mergeId };
    recordAudit(ctx, { action: 'customer.merge_undo', entity: 'customer', entityId: record.survivor_id, before: { ...changes.before, mergedFrom: mergeRef }, after: changes.after });
    recordAudit(ctx, {
      action: 'customer.merge_undo',
      entity: 'customer',
      entityId: record.absorbed_id,
      before: { mergedInto: { id: survivor.id, name: survivor.name, mergeId } },
      after: auditedFields(absorbed),
    });
    return ok({
      survivor: readCustomerDetail(ctx.db, record.survivor_id, ctx.session.role)!,
      absorbed: readCustomerDetail(ctx.db, record.absorbed_id, ctx.session.role)!,
    });
  });

export const mergeHandlers = (participants: readonly CustomerRecordsParticipant[]): HandlerImpls => ({
  'customers-merge-preview': (ctx, { survivorId, absorbedId }) => {
    const pair = mergeablePair(ctx, participants, survivorId, absorbedId);
    if (!pair.ok) return pair;
    return ok({ survivor: detailOf(ctx, survivorId), absorbed: detailOf(ctx, absorbedId), moves: countsOf(ctx, participants, absorbedId) });
  },
  'customers-merge': (ctx, { survivorId, absorbedId, fields }) => merge(ctx, participants, survivorId, absorbedId, fields),
  'customers-merge-undo': (ctx, { mergeId }) => undoMerge(ctx, participants, mergeId),
  'customers-merges': (ctx, { customerId }) => ok(mergesInto(ctx.db, customerId).map(toMergeRecord)),
});
