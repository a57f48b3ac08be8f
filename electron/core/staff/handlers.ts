import { err, ok } from '../../../shared/result';
import { recordAudit } from '../audit';
import { newId } from '../db/ids';
import type { HandlerImpls } from '../registry';
import { getStaff, insertStaff, listStaff, updateStaff } from './queries';

export const staffHandlers: HandlerImpls = {
  'staff-list': (ctx, input) => ok(listStaff(ctx.db, input.includeInactive)),
  'staff-create': (ctx, input) => {
    const id = newId();
    const member = { id, name: input.name, active: true };
    ctx.db.transaction(() => {
      insertStaff(ctx.db, id, input.name, ctx.now().toISOString());
      recordAudit(ctx, { action: 'staff.create', entity: 'staff', entityId: id, after: member });
    }).immediate();
    return ok(member);
  },
  'staff-update': (ctx, input) => {
    const before = getStaff(ctx.db, input.id);
    if (before === null) return err('NOT_FOUND', { entity: 'staff', id: input.id });
    const after = { id: input.id, name: input.name, active: input.active };
    ctx.db.transaction(() => {
      updateStaff(ctx.db, input.id, input.name, input.active);
      recordAudit(ctx, { action: 'staff.update', entity: 'staff', entityId: input.id, before, after });
    }).immediate();
    return ok(after);
  },
};
