import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportRun } from '../../../../shared/contract/transfer';
import type { AppError } from '../../../../shared/errors';
import { useApi, useApiMutation } from '../../api/hooks';
import { useFormat } from '../../app/format';

/** Undo one import, after a second click that says what will go. */
export const UndoImportButton = ({ importId, onError, onUndone }: { importId: string; onError: (error: AppError | null) => void; onUndone?: () => void }) => {
  const { t } = useTranslation('data');
  const undo = useApiMutation('import-undo');
  const [confirming, setConfirming] = useState(false);
  const [undone, setUndone] = useState<ImportRun | null>(null);
  if (undone !== null) return <p className="notice notice-success">{t('import.undone', { count: undone.customers })}</p>;
  const run = async () => {
    onError(null);
    const result = await undo.mutateAsync({ id: importId });
    setConfirming(false);
    if (!result.ok) return onError(result.error);
    setUndone(result.value);
    onUndone?.();
  };
  return confirming ? (
    <span className="inline-form">
      <span>{t('import.undoConfirm')}</span>
      <button type="button" className="button button-danger" disabled={undo.isPending} onClick={() => void run()}>
        {t('import.undoYes')}
      </button>
      <button type="button" className="button" disabled={undo.isPending} onClick={() => setConfirming(false)}>
        {t('restore.cancel')}
      </button>
    </span>
  ) : (
    <button type="button" className="button" onClick={() => setConfirming(true)}>
      {t('import.undo')}
    </button>
  );
};

/** The last imports, each with what it brought and, while nothing it added has been worked on since, a way back. */
export const ImportRuns = ({ onError }: { onError: (error: AppError | null) => void }) => {
  const { t } = useTranslation('data');
  const format = useFormat();
  const runs = useApi('import-runs', {});
  if (!runs.data || runs.data.length === 0) return null;
  return (
    <section aria-labelledby="import-runs-title" className="import-runs">
      <h3 id="import-runs-title">{t('import.runs')}</h3>
      <ul>
        {runs.data.map((run) => (
          <li key={run.id}>
            {t('import.runLine', { file: run.fileName, when: format.dateTime(run.committedAt), count: run.customers, histories: run.histories })}{' '}
            {run.undoneAt !== null ? (
              <span className="muted">{t('import.runUndone', { when: format.dateTime(run.undoneAt) })}</span>
            ) : run.changedSince.count > 0 ? (
              <span className="muted">{t('import.runChanged', { count: run.changedSince.count, names: run.changedSince.names.join(t('import.nameSeparator')) })}</span>
            ) : (
              <UndoImportButton importId={run.id} onError={onError} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
};
