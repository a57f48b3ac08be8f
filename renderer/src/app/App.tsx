import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { followCoreChanges } from '../api/hooks';
import { ToastProvider } from '../components/Toast';
import { ArchivePage } from '../features/archive/ArchivePage';
import { AuditPage } from '../features/audit/AuditPage';
import { CounterPage } from '../features/counter/CounterPage';
import { CustomerFormPage } from '../features/customers/CustomerFormPage';
import { CustomersPage } from '../features/customers/CustomersPage';
import { DataPage } from '../features/data/DataPage';
import { ProfilePage } from '../features/customers/ProfilePage';
import { MergePage } from '../features/merge/MergePage';
import { ReferralsPage } from '../features/referrals/ReferralsPage';
import { TodayPage } from '../features/reminders/TodayPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import { ScreenError } from './ScreenError';
import { Shell } from './Shell';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
  },
});

/** Hash routes work the same over app:// (desktop) and http://127.0.0.1 (browser mode). */
const router = createHashRouter([
  {
    element: <Shell />,
    children: [
      {
        // A failing screen is replaced by an explanation; the menu around it keeps working.
        errorElement: <ScreenError />,
        children: [
          { index: true, element: <Navigate to="/today" replace /> },
          { path: 'today', element: <TodayPage /> },
          { path: 'customers', element: <CustomersPage /> },
          { path: 'customers/new', element: <CustomerFormPage /> },
          { path: 'customers/:id', element: <ProfilePage /> },
          { path: 'customers/:id/edit', element: <CustomerFormPage /> },
          { path: 'customers/:id/merge', element: <MergePage /> },
          { path: 'counter', element: <CounterPage /> },
          { path: 'settings', element: <SettingsPage /> },
          { path: 'audit', element: <AuditPage /> },
          { path: 'archive', element: <ArchivePage /> },
          { path: 'data', element: <DataPage /> },
          { path: 'referrals', element: <ReferralsPage /> },
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
