import { useEffect, type RefObject } from 'react';

/** Things a shortcut or a menu item can ask the current screen to focus. */
export type FocusTarget = 'find' | 'log-visit';

const listeners = new Set<(target: FocusTarget) => void>();

export const requestFocus = (target: FocusTarget): void => listeners.forEach((listener) => listener(target));

/** Focuses `ref` when `target` is requested while this screen is shown. */
export const useFocusRequest = (target: FocusTarget, ref: RefObject<HTMLElement | null>): void => {
  useEffect(() => {
    const listener = (requested: FocusTarget) => {
      if (requested === target) ref.current?.focus();
    };
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }, [target, ref]);
};
