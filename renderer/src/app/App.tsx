import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { createHashRouter, Navigate, redirect, RouterProvider } from 'react-router';
import { apiOrThrow } from '../api/client';
import { followCoreChanges, queryKeyOf, readAhead } from '../api/hooks';
import type { OutputOf } from '../../../shared/contract';
import { localDay, systemTimeZone } from '../../../shared/time';
import { dashboardReads } from '../features/loyalty/dashboard-reads';
import { dashboardRange } from '../features/loyalty/months';
import { ToastProvider } from '../components/Toast';
import { CustomersPage } from '../features/customers/CustomersPage';
import { timelineQuery } from '../features/customers/timeline-query';
import { agendaInputOf, firstCards, TodayPage } from '../features/reminders/TodayPage';
import { loadDashboard, loadProfile } from './screens';
import { ScreenError } from './ScreenError';
import { Shell } from './Shell';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
  },
});

/**
 * The owner's dashboard is read while its screen and charting library load, not after: its read is
 * the longest of the app's, and the screen asks the cache for the same range when it draws. Its two
 * reads go one after the other, as the screen asks them (dashboard-reads.ts says why).
 */
const readDashboardAhead = ({ request }: { request: Request }): null => {
  const owner = queryClient.getQueryData<OutputOf<'session-get'>>(queryKeyOf('session-get', {}))?.role === 'owner';
  if (owner) {
    const zone = queryClient.getQueryData<OutputOf<'settings-get'>>(queryKeyOf('settings-get', {}))?.timeZone ?? systemTimeZone();
    const [first, second] = dashboardReads(dashboardRange(new URL(request.url).searchParams, localDay(new Date(), zone).slice(0, 7)));
    void readAhead(queryClient, 'loyalty-dashboard', first).then(() => readAhead(queryClient, 'loyalty-dashboard', second));
  }
  return null;
};

/**
 * Today's agenda is asked for as the app starts, before anything draws: it is the first screen's
 * only read, and the core answers one call at a time, so it goes ahead of the shell's own. Its
 * first cards go first (what the screen draws at once: the core reads them on a cold book in a
 * fraction of the whole agenda's time), the whole agenda right behind them.
 */
const readAgendaAhead = ({ request }: { request: Request }): null => {
  const input = agendaInputOf(new URL(request.url).searchParams);
  for (const read of [{ ...input, limit: firstCards }, input]) {
    void queryClient.prefetchQuery({ queryKey: queryKeyOf('reminders-agenda', read), queryFn: () => apiOrThrow('reminders-agenda', read) });
  }
  return null;
};

/** How long opening a profile waits for its customer and timeline before drawing the screen without them. */
const profileWaitMs = 150;

/**
 * A profile's customer and the first page of its timeline are asked for as the route opens, before
 * the screen (loaded ahead while idle) mounts and before its side panels ask for theirs: the core
 * answers one call at a time, and these two are what the screen draws first. The route waits for
 * them (a moment: the core answers both in a few milliseconds), so the screen draws once, with its
 * customer and timeline, instead of a loading line, then the customer, then the timeline, each a
 * render of its own; a core slower than the wait shows the screen loading as before.
 */
const readProfileAhead = async ({ params }: { params: { id?: string } }): Promise<null> => {
  if (params.id) {
    const reads = Promise.all([readAhead(queryClient, 'customers-get', { id: params.id }), queryClient.prefetchInfiniteQuery(timelineQuery(params.id))]);
    await Promise.race([reads, new Promise((resolve) => setTimeout(resolve, profileWaitMs))]);
  }
  return null;
};

/**
 * Hash routes work the same over app:// (desktop) and http://127.0.0.1 (browser mode). Screens
 * other than Today (the home screen) and the customer list load when first opened, so the app
 * starts by parsing only what its first screen needs.
 */
/** Drawn while the router starts (its loaders only start reads, so for a moment): nothing, then the shell. */
const Starting = () => null;

const router = createHashRouter([
  {
    element: <Shell />,
    HydrateFallback: Starting,
    children: [
      {
        // A failing screen is replaced by an explanation; the menu around it keeps working.
        errorElement: <ScreenError />,
        children: [
          // Redirected as the router starts (a loader), not once the shell has drawn: Today's read starts at once.
          { index: true, loader: () => redirect('/today') },
          { path: 'today', loader: readAgendaAhead, element: <TodayPage /> },
          { path: 'customers', element: <CustomersPage /> },
          { path: 'customers/new', lazy: async () => ({ Component: (await import('../features/customers/CustomerFormPage')).CustomerFormPage }) },
          { path: 'customers/:id', loader: readProfileAhead, lazy: async () => ({ Component: (await loadProfile()).ProfilePage }) },
          { path: 'customers/:id/edit', lazy: async () => ({ Component: (await import('../features/customers/CustomerFormPage')).CustomerFormPage }) },
          { path: 'customers/:id/merge', lazy: async () => ({ Component: (await import('../features/merge/MergePage')).MergePage }) },
          { path: 'counter', lazy: async () => ({ Component: (await import('../features/counter/CounterPage')).CounterPage }) },
          { path: 'complaints', lazy: async () => ({ Component: (await import('../features/complaints/ComplaintsPage')).ComplaintsPage }) },
          { path: 'complaints/stats', lazy: async () => ({ Component: (await import('../features/complaints/ComplaintStatsPage')).ComplaintStatsPage }) },
          { path: 'complaints/:id', lazy: async () => ({ Component: (await import('../features/complaints/ComplaintPage')).ComplaintPage }) },
          { path: 'settings', lazy: async () => ({ Component: (await import('../features/settings/SettingsPage')).SettingsPage }) },
          { path: 'settings/devices', lazy: async () => ({ Component: (await import('../features/devices/DevicesPage')).DevicesPage }) },
          { path: 'audit', lazy: async () => ({ Component: (await import('../features/audit/AuditPage')).AuditPage }) },
          { path: 'archive', lazy: async () => ({ Component: (await import('../features/archive/ArchivePage')).ArchivePage }) },
          { path: 'data', lazy: async () => ({ Component: (await import('../features/data/DataPage')).DataPage }) },
          { path: 'loyalty', loader: readDashboardAhead, lazy: async () => ({ Component: (await loadDashboard()).DashboardPage }) },
          { path: 'referrals', lazy: async () => ({ Component: (await import('../features/referrals/ReferralsPage')).ReferralsPage }) },
          { path: 'loyalty/segments', lazy: async () => ({ Component: (await import('../features/loyalty/SegmentsPage')).SegmentsPage }) },
          { path: '*', element: <Navigate to="/today" replace /> },
        ],
      },
    ],
  },
]);

export const App = () => {
  useEffect(() => followCoreChanges(queryClient), []);
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  );
};
