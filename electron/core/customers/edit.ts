import type { CustomerDetail, CustomerFields } from '../../../shared/contract/customers';
import { err, ok, type Result } from '../../../shared/result';
import { recordAudit } from '../audit';
import type { HandlerContext } from '../context';
import { inTransaction } from '../db/transaction';
import { afterWrite } from '../derive';
import { currentSettings } from '../settings';
import { auditedFields, changedFields } from './audited-fields';
import { checkOwnerStaff } from './owner-staff';
import { readCustomerDetail } from './present';
import { getCustomerRow, updateCustomer } from './queries';
import { customerParts, toCustomerWrite, writeCustomerParts } from './write';

export const detailOrMissing = (ctx: HandlerContext, id: string): Result<CustomerDetail> => {
  const detail = readCustomerDetail(ctx.db, id, ctx.session.role);
  return detail ? ok(detail) : err('NOT_FOUND', { entity: 'customer', id });
};

/** A customer's fields as someone edited them: the row, its phones and labels, derived figures and the audit entry. */
export const editCustomer = (ctx: HandlerContext, id: string, fields: CustomerFields): Result<CustomerDetail> =>
  inTransaction(ctx.db, () => {
    const row = getCustomerRow(ctx.db, id);
    if (row === null) return err('NOT_FOUND', { entity: 'customer', id });
    const staffCheck = checkOwnerStaff(ctx, fields);
    if (!staffCheck.ok) return staffCheck;
    const before = readCustomerDetail(ctx.db, id, 'owner');
    const parts = customerParts(fields, currentSettings(ctx).country);
    updateCustomer(ctx.db, toCustomerWrite(id, fields, parts, row.created_at, ctx.now().toISOString()));
    writeCustomerParts(ctx.db, id, row.rid, parts);
    afterWrite(ctx, { customerIds: [id] });
    const updated = detailOrMissing(ctx, id);
    if (updated.ok && before) {
      recordAudit(ctx, { action: 'customer.update', entity: 'customer', entityId: id, ...changedFields(auditedFields(before), auditedFields(updated.value)) });
    }
    return updated;
  });
