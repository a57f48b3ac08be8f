import type { CustomerFields } from '../../../shared/contract/customers';
import { err, ok, type Result } from '../../../shared/result';
import type { HandlerContext } from '../context';
import { getStaff } from '../staff';

/** The staff member a customer is looked after by must exist. */
export const checkOwnerStaff = (ctx: HandlerContext, fields: CustomerFields): Result<null> =>
  fields.ownerStaffId !== null && getStaff(ctx.db, fields.ownerStaffId) === null
    ? err('VALIDATION_FAILED', { issues: [{ path: 'ownerStaffId', rule: 'invalid_choice' }] })
    : ok(null);
