import { err, ok } from '../../../shared/result';
import { sessionState } from '../auth';
import type { HandlerImpls } from '../registry';
import { writeStateValue } from '../settings';
import { getStaff } from '../staff';

export const sessionHandlers: HandlerImpls = {
  'session-get': (ctx) => ok(sessionState(ctx)),
  'session-set-staff': (ctx, input) => {
    if (input.staffId !== null && getStaff(ctx.db, input.staffId)?.active !== true) {
      return err('NOT_FOUND', { entity: 'staff', id: input.staffId });
    }
    ctx.session.staffId = input.staffId;
    writeStateValue(ctx.db, 'counterStaffId', input.staffId);
    return ok(sessionState(ctx));
  },
  'app-info': (ctx) => ok(ctx.info),
};
