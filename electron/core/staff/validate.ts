import { err, ok, type Result } from '../../../shared/result';
import type { HandlerContext } from '../context';
import { getStaff } from './queries';

/** The staff member a record is attributed to: the one named, else whoever is at the counter. */
export const resolveStaffId = (ctx: HandlerContext, requested: string | null): Result<string | null> => {
  const staffId = requested ?? ctx.session.staffId;
  if (staffId === null) return ok(null);
  if (getStaff(ctx.db, staffId) === null) {
    return requested === null ? ok(null) : err('NOT_FOUND', { entity: 'staff', id: staffId });
  }
  return ok(staffId);
};
