import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { ApiError } from '../api/client';
import { useApi } from '../api/hooks';
import { useCommands } from './commands';
import { BackupBanner } from '../features/data/BackupBanner';
import { CounterStaffPicker } from './CounterStaffPicker';
import { applyLanguage, systemLanguage } from './i18n';
import { useSettings } from './settings';

export const Shell = () => {
  const { t } = useTranslation(['common', 'errors']);
  const settings = useSettings();
  const session = useApi('session-get', {});
  useCommands();

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
            <NavLink to="/customers">{t('nav.customers')}</NavLink>
          </li>
          <li>
            <NavLink to="/counter">{t('nav.counter')}</NavLink>
          </li>
          <li>
            <NavLink to="/data">{t('nav.data')}</NavLink>
          </li>
          <li>
            <NavLink to="/settings">{t('nav.settings')}</NavLink>
          </li>
        </ul>
        <CounterStaffPicker />
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <BackupBanner />
        <Outlet />
      </main>
    </div>
  );
};
