import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useApi } from '../../api/hooks';
import { requestUnlock } from '../../app/unlock-requests';
import { ErrorNotice } from '../../components/ErrorNotice';
import { BackupSection } from '../backup/BackupSection';
import { ExportSection } from '../transfer/ExportSection';
import { ImportSection } from '../transfer/ImportSection';
import { RestoreSection } from '../backup/RestoreSection';

/** The owner's screen for the book's safety and portability: backups, restore, export, import. */
export const DataPage = () => {
  const { t } = useTranslation(['data', 'common']);
  const status = useApi('backup-status', {});
  useEffect(() => {
    document.title = `${t('title')} · ${t('common:appName')}`;
  }, [t]);
  const error = status.error instanceof ApiError ? status.error.error : null;
  return (
    <section className="page data-page" aria-labelledby="data-title">
      <header className="page-header">
        <h1 id="data-title">{t('title')}</h1>
        <span className="page-subtitle">{t('subtitle')}</span>
      </header>
      {error?.code === 'FORBIDDEN' ? (
        <p className="notice notice-info">
          {t('ownerOnly')}{' '}
          <button type="button" className="button" onClick={requestUnlock}>
            {t('common:actions.unlock')}
          </button>
        </p>
      ) : (
        <ErrorNotice error={error} onRetry={() => void status.refetch()} />
      )}
      {status.data && (
        <>
          <BackupSection status={status.data} />
          <RestoreSection status={status.data} />
          <ImportSection />
          <ExportSection defaultFolder={status.data.defaultExportFolder} />
        </>
      )}
    </section>
  );
};
