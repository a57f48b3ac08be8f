import { err, ok } from '../../../shared/result';
import { newId } from '../db/ids';
import type { HandlerImpls } from '../registry';
import { getStaff, insertStaff, listStaff, updateStaff } from './queries';

export const staffHandlers: HandlerImpls = {
  'staff-list': (ctx, input) => ok(listStaff(ctx.db, input.includeInactive)),
  'staff-create': (ctx, input) => {
    const id = newId();
    insertStaff(ctx.db, id, input.name, ctx.now().toISOString());
    return ok({ id, name: input.name, active: true });
  },
  'staff-update': (ctx, input) => {
    if (getStaff(ctx.db, input.id) === null) return err('NOT_FOUND', { entity: 'staff', id: input.id });
    updateStaff(ctx.db, input.id, input.name, input.active);
    return ok({ id: input.id, name: input.name, active: input.active });
  },
};
