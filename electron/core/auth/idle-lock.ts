import type { HandlerContext } from '../context';
import { currentSettings } from '../settings';
import { lockOwner } from './session';

export interface IdleLock {
  /** Before each call: locks an owner idle for too long, so the call runs as staff. */
  beforeCall(): void;
  /** After each call: the app was used; (re)arms the timer that locks without waiting for a call. */
  afterCall(): void;
  stop(): void;
}

const idleLimitMs = (ctx: HandlerContext): number => currentSettings(ctx).autoLockMinutes * 60_000;

/**
 * The owner's idle lock. Every call through a transport counts as use. The timer locks an owner who
 * walked away and tells the renderer (a data change), so revenue and owner actions disappear from
 * the screen without anyone touching it; the check before each call covers a clock that jumped
 * (sleep, tests). The timer never keeps the process alive.
 */
export const createIdleLock = (ctx: HandlerContext, onLocked: () => void): IdleLock => {
  let timer: NodeJS.Timeout | null = null;

  const lockIfIdle = (): boolean => {
    const unlock = ctx.session.ownerUnlock;
    if (ctx.session.role !== 'owner' || unlock === null) return false;
    const lockAt = unlock.lastActivityMs + idleLimitMs(ctx);
    if (ctx.now().getTime() < lockAt) return false;
    // Recorded at the moment the lock took effect, not when somebody next touched the app.
    lockOwner({ ...ctx, now: () => new Date(lockAt) }, 'idle');
    return true;
  };

  const clear = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  const arm = () => {
    clear();
    const unlock = ctx.session.ownerUnlock;
    if (ctx.session.role !== 'owner' || unlock === null) return;
    const remaining = unlock.lastActivityMs + idleLimitMs(ctx) - ctx.now().getTime();
    timer = setTimeout(
      () => {
        timer = null;
        if (lockIfIdle()) onLocked();
        else arm();
      },
      Math.max(remaining, 0) + 250,
    );
    timer.unref();
  };

  return {
    beforeCall: () => {
      if (lockIfIdle()) onLocked();
      const unlock = ctx.session.ownerUnlock;
      if (unlock !== null) unlock.lastActivityMs = ctx.now().getTime();
    },
    afterCall: arm,
    stop: clear,
  };
};
