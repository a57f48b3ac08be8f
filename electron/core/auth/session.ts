import type { Role } from '../../../shared/contract/define';
import type { SessionState } from '../../../shared/contract/session';
import { recordAudit } from '../audit';
import type { HandlerContext } from '../context';
import type { Db } from '../db/connection';
import { currentSettings } from '../settings';
import { pinRetryAt } from './attempts';
import { hasOwnerPin } from './queries';

/**
 * Who a process works as.
 * - 'counter' (the desktop app, browser mode): staff once the book has an owner PIN; the owner
 *   unlocks with it and is locked again after idle time. Until first-run setup sets the PIN there is
 *   no owner to tell apart, so the session is the owner's and the app shows the setup screen.
 * - 'owner' (the CLI): whoever has a shell on this computer can read and write the book file
 *   anyway, so the tool works with the owner's authority and never locks.
 */
export type Authority = 'counter' | 'owner';

export const startingRole = (db: Db, authority: Authority): Role => (authority === 'counter' && hasOwnerPin(db) ? 'staff' : 'owner');

export const sessionState = (ctx: Pick<HandlerContext, 'db' | 'session' | 'now'>): SessionState => ({
  role: ctx.session.role,
  staffId: ctx.session.staffId,
  ownerPinSet: hasOwnerPin(ctx.db),
  autoLockMinutes: currentSettings(ctx).autoLockMinutes,
  unlockRetryAt: pinRetryAt(ctx),
});

/** The owner proved the PIN (or set it): owner until locked by hand or by idle time. */
export const unlockOwner = (ctx: Pick<HandlerContext, 'session' | 'now'>): void => {
  ctx.session.role = 'owner';
  ctx.session.ownerUnlock = { lastActivityMs: ctx.now().getTime() };
};

export type LockReason = 'manual' | 'idle';

/** Back to staff mode; recorded in the owner's name, since it ends the owner's session. */
export const lockOwner = (ctx: Pick<HandlerContext, 'db' | 'session' | 'now'>, reason: LockReason): void => {
  if (ctx.session.role === 'owner') recordAudit(ctx, { action: 'owner.lock', entity: 'owner', entityId: null, after: { reason } });
  ctx.session.role = 'staff';
  ctx.session.ownerUnlock = null;
};
