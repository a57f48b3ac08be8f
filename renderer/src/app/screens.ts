import { useEffect } from 'react';

/**
 * Screens that load when first opened (see the routes in App.tsx) but are opened often enough to
 * be fetched and parsed ahead, once the first screen has drawn and the app is idle: a customer's
 * profile from any list, and for the owner the loyalty dashboard with its charting library.
 */
export const loadProfile = () => import('../features/customers/ProfilePage');
export const loadDashboard = () => import('../features/loyalty/DashboardPage');

const whenIdle = (work: () => void): (() => void) => {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(work, { timeout: 3000 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(work, 1000);
  return () => window.clearTimeout(handle);
};

export const usePreloadScreens = (owner: boolean): void => {
  useEffect(() => whenIdle(() => void loadProfile()), []);
  useEffect(() => (owner ? whenIdle(() => void loadDashboard()) : undefined), [owner]);
};
