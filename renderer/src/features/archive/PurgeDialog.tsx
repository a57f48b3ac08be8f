import { useTranslation } from 'react-i18next';
import { auditLabels, labelOf } from '../../../../shared/i18n/audit';
import { ApiError } from '../../api/client';
import { useApi, useApiMutation } from '../../api/hooks';
import { useAppLanguage } from '../../app/language';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice, useDescribeError } from '../../components/ErrorNotice';
import { useToast } from '../../components/Toast';
import { SharedHistoryNotice } from './SharedHistoryNotice';

/** Names everything that deleting a customer for good takes with it, before it happens. */
export const PurgeCustomerDialog = ({ customerId, onClose, onPurged }: { customerId: string; onClose: () => void; onPurged: () => void }) => {
  const { t } = useTranslation(['archive', 'audit', 'common']);
  const language = useAppLanguage();
  const toast = useToast();
  const describe = useDescribeError();
  const preview = useApi('customers-purge-preview', { id: customerId });
  const purge = useApiMutation('customers-purge');
  const records = (preview.data?.records ?? []).filter((record) => record.count > 0);

  const confirm = async () => {
    const result = await purge.mutateAsync({ id: customerId });
    if (!result.ok) return toast({ tone: 'error', text: describe(result.error) });
    toast({ tone: 'success', text: t('purged', { name: result.value.name }) });
    onPurged();
  };

  return (
    <Dialog title={preview.data ? t('purgeTitle', { name: preview.data.name }) : t('common:loading')} onClose={onClose} className="dialog-danger">
      <ErrorNotice error={preview.error instanceof ApiError ? preview.error.error : null} />
      {preview.data && (
        <>
          {records.length > 0 ? (
            <>
              <p>{t('purgeLoses')}</p>
              <ul className="record-counts">
                {records.map((record) => (
                  <li key={record.kind}>
                    {t('audit:labelled', { label: labelOf(auditLabels[language].records, record.kind) })}
                    <strong>{record.count}</strong>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>{t('purgeNothingElse')}</p>
          )}
          {preview.data.auditEntries > 0 && <p className="field-hint">{t('purgeKeeps', { count: preview.data.auditEntries })}</p>}
          <SharedHistoryNotice what="customer" />
        </>
      )}
      <div className="form-actions">
        <button type="button" className="button" data-autofocus onClick={onClose}>
          {t('cancel')}
        </button>
        <button type="button" className="button button-danger" disabled={!preview.data || purge.isPending} onClick={() => void confirm()}>
          {t('purgeConfirm')}
        </button>
      </div>
    </Dialog>
  );
};
