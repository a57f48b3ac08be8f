import { recordAudit } from '../audit';
import type { HandlerContext } from '../context';
import { deleteOwnerSecrets, hasOwnerPin } from './queries';

/**
 * The last resort for an owner who lost both the PIN and the recovery code: forget both, so the app
 * asks for a new PIN at its next start. Offered by the CLI only, never over a transport: whoever
 * can run a command on this computer can read and write the book file anyway (README, threat model).
 */
export const forgetOwnerSecrets = (ctx: Pick<HandlerContext, 'db' | 'session' | 'now'>): boolean =>
  ctx.db
    .transaction(() => {
      if (!hasOwnerPin(ctx.db)) return false;
      deleteOwnerSecrets(ctx.db);
      recordAudit(ctx, { action: 'owner.pin_reset', entity: 'owner', entityId: null, after: { reason: 'command_line' } });
      return true;
    })
    .immediate();
