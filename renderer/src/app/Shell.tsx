import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { ApiError } from '../api/client';
import { useApi } from '../api/hooks';
import { OwnerLock } from '../features/auth/OwnerLock';
import { FirstRecoveryCode, SetupPage } from '../features/auth/SetupPage';
import { UnlockDialog } from '../features/auth/UnlockDialog';
import { useOwnerActivity } from '../features/auth/useOwnerActivity';
import { DueNotice, TodayNavLink } from '../features/reminders/DueNotice';
import { SyncStatus } from '../features/devices/SyncStatus';
import { useCommands } from './commands';
import { BackupBanner } from '../features/backup/BackupBanner';
import { RegionPrompt } from '../features/settings/RegionPrompt';
import { CounterStaffPicker } from './CounterStaffPicker';
import { applyLanguage, systemLanguage } from './i18n';
import { usePreloadScreens } from './screens';
import { useSettings } from './settings';

export const Shell = () => {
  const { t } = useTranslation(['common', 'errors', 'complaints', 'loyalty']);
  const settings = useSettings();
  const session = useApi('session-get', {});
  // Set by first-run setup: the recovery code is shown once before the app opens.
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);
  const owner = session.data?.role === 'owner';
  useCommands();
  useOwnerActivity(owner && session.data?.ownerPinSet === true);
  usePreloadScreens(owner);

  useEffect(() => {
    applyLanguage(settings?.language ?? systemLanguage());
  }, [settings?.language]);

  if (session.error instanceof ApiError && (session.error.error.code === 'UNAUTHORIZED' || session.error.error.code === 'TRANSPORT_FAILED')) {
    return (
      <main className="not-connected" role="alert">
        <h1>{t('notConnected.title')}</h1>
        <p>{t(`errors:codes.${session.error.error.code}`)}</p>
      </main>
    );
  }

  if (recoveryCode !== null) return <FirstRecoveryCode code={recoveryCode} onDone={() => setRecoveryCode(null)} />;
  if (session.data?.ownerPinSet === false) return <SetupPage onSetUp={setRecoveryCode} />;

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('nav.main')}
      </a>
      <nav className="sidebar" aria-label={t('nav.main')}>
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            熟
          </span>
          <span>{t('appName')}</span>
        </div>
        <ul>
          <li>
            <TodayNavLink />
          </li>
          <li>
            <NavLink to="/customers">{t('nav.customers')}</NavLink>
          </li>
          <li>
            <NavLink to="/counter">{t('nav.counter')}</NavLink>
          </li>
          <li>
            <NavLink to="/complaints">{t('complaints:nav')}</NavLink>
            <NavLink to="/referrals">{t('nav.referrals')}</NavLink>
          </li>
          <li>
            <NavLink to="/data">{t('nav.data')}</NavLink>
          </li>
          <li>
            <NavLink to="/settings">{t('nav.settings')}</NavLink>
          </li>
          {owner && (
            <>
              <li>
                <NavLink to="/loyalty">{t('loyalty:nav')}</NavLink>
              </li>
              <li>
                <NavLink to="/audit">{t('nav.audit')}</NavLink>
              </li>
              <li>
                <NavLink to="/archive">{t('nav.archive')}</NavLink>
              </li>
            </>
          )}
        </ul>
        <div className="sidebar-foot">
          <SyncStatus />
          <OwnerLock />
          <CounterStaffPicker />
        </div>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <DueNotice />
        <RegionPrompt />
        <BackupBanner />
        <Outlet />
      </main>
      <UnlockDialog />
    </div>
  );
};
