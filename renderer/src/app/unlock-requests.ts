import { useEffect } from 'react';

/**
 * Anything refused for want of the owner (a FORBIDDEN answer, a locked screen) can ask for the unlock
 * dialog; the shell shows it. A request, not a direct call, so shared components need not know it.
 */
const listeners = new Set<() => void>();

export const requestUnlock = (): void => listeners.forEach((listener) => listener());

export const useUnlockRequests = (onRequest: () => void): void => {
  useEffect(() => {
    listeners.add(onRequest);
    return () => void listeners.delete(onRequest);
  }, [onRequest]);
};
