import { useQueryClient, type QueryClient } from '@tanstack/react-query';
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

/**
 * Idle once no read is on its way. The page is idle too while it waits for the first screen's
 * reads: fetching and parsing other screens then would run when their answers arrive, and hold up
 * the first screen's drawing.
 */
const whenSettled = (client: QueryClient, work: () => void): (() => void) => {
  let cancelIdle: (() => void) | null = null;
  const check = (): void => {
    if (cancelIdle !== null || client.isFetching() > 0) return;
    unsubscribe();
    cancelIdle = whenIdle(work);
  };
  const unsubscribe = client.getQueryCache().subscribe(check);
  check();
  return () => {
    unsubscribe();
    cancelIdle?.();
  };
};

export const usePreloadScreens = (owner: boolean): void => {
  const client = useQueryClient();
  useEffect(() => whenSettled(client, () => void loadProfile()), [client]);
  useEffect(() => (owner ? whenSettled(client, () => void loadDashboard()) : undefined), [client, owner]);
};
