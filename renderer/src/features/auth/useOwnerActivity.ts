import { useEffect } from 'react';
import { api } from '../../api/client';

/** How often, at most, using the app tells the core the owner is still there. */
const keepAliveMs = 30_000;

/**
 * The core locks an owner after idle time, counting calls as use. Typing a long note or reading the
 * audit trail makes no calls, so while the owner is unlocked, keys, clicks and scrolling tell the
 * core now and then that someone is at the screen.
 */
export const useOwnerActivity = (owner: boolean): void => {
  useEffect(() => {
    if (!owner) return;
    let last = Date.now();
    const onActivity = () => {
      if (Date.now() - last < keepAliveMs) return;
      last = Date.now();
      void api('session-get', {});
    };
    const events = ['keydown', 'pointerdown', 'wheel'] as const;
    for (const event of events) window.addEventListener(event, onActivity, { passive: true });
    return () => {
      for (const event of events) window.removeEventListener(event, onActivity);
    };
  }, [owner]);
};
