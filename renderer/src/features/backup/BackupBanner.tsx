import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApi } from '../../api/hooks';
import './backup-banner.css';
import { useDescribeError } from '../../components/ErrorNotice';

/**
 * Shown on every screen for the owner until a backup succeeds: a failed backup is never a toast
 * that fades away. Staff (who cannot back up) do not see it.
 */
export const BackupBanner = () => {
  const { t } = useTranslation('data');
  const describe = useDescribeError();
  const status = useApi('backup-status', {}, { keepPrevious: true });
  if (!status.data) return null;
  const { failuresSinceGood, overdue, lastGood, allowedAgeHours } = status.data;
  const latest = failuresSinceGood[0];
  if (latest?.failure) {
    const reason = describe(latest.failure);
    return (
      <div className="banner banner-error backup-banner" role="alert">
        <span>{failuresSinceGood.length > 1 ? t('banner.failedMany', { count: failuresSinceGood.length, reason }) : t('banner.failed', { reason })}</span>
        <Link to="/data">{t('banner.open')}</Link>
      </div>
    );
  }
  if (!overdue) return null;
  // Not a live region or a landmark: a standing reminder read in its place, which leaves the page's own
  // status messages and regions the only ones of their kind.
  return (
    <div className="banner banner-warning backup-banner">
      <span>{lastGood === null ? t('banner.never') : t('banner.overdue', { hours: allowedAgeHours })}</span>
      <Link to="/data">{t('banner.open')}</Link>
    </div>
  );
};
