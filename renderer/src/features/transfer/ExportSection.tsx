import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportKinds, type ExportedFile, type ExportFormat, type ExportKind } from '../../../../shared/contract/transfer';
import type { AppError } from '../../../../shared/errors';
import { languages, type Language } from '../../../../shared/locale';
import { useApi, useApiMutation } from '../../api/hooks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { ProgressBar } from '../../components/ProgressBar';
import { FolderField } from '../files/FolderField';
import { useJobProgress } from '../jobs/useJobProgress';

/** CSV per kind or everything as JSON, into a folder on this computer. */
export const ExportSection = ({ defaultFolder }: { defaultFolder: string }) => {
  const { t, i18n } = useTranslation(['data', 'settings']);
  const kinds = useApi('export-kinds', {});
  const run = useApiMutation('export-run');
  const { progress, cancel } = useJobProgress(['export']);
  const [what, setWhat] = useState<ExportKind | 'all'>('customers');
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [language, setLanguage] = useState<Language>((languages as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : 'en');
  const [folder, setFolder] = useState(defaultFolder);
  const [files, setFiles] = useState<ExportedFile[]>([]);
  const [error, setError] = useState<AppError | null>(null);

  const tableLabel = (table: string): string =>
    (exportKinds as readonly string[]).includes(table) ? t(`export.kinds.${table as ExportKind}`) : t('export.kinds.all');

  const exportNow = async () => {
    setError(null);
    setFiles([]);
    const result = await run.mutateAsync({ what, format, folder, language });
    if (!result.ok) return setError(result.error);
    setFiles(result.value);
  };

  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">{t('export.title')}</h2>
      <p className="field-hint">{t('export.deterministic')}</p>
      <div className="form-grid">
        <Field label={t('export.what')}>
          <select value={what} onChange={(event) => setWhat(event.target.value as ExportKind | 'all')}>
            {(kinds.data ?? []).map((kind) => (
              <option key={kind.kind} value={kind.kind}>
                {t(`export.kinds.${kind.kind}`)}
              </option>
            ))}
            <option value="all">{t('export.kinds.all')}</option>
          </select>
        </Field>
        <fieldset className="radio-group">
          <legend>{t('export.format')}</legend>
          <label className="checkbox">
            <input type="radio" name="export-format" checked={format === 'csv'} onChange={() => setFormat('csv')} />
            {t('export.csv')}
          </label>
          <label className="checkbox">
            <input type="radio" name="export-format" checked={format === 'xlsx'} onChange={() => setFormat('xlsx')} />
            {t('export.xlsx')}
          </label>
          <label className="checkbox">
            <input type="radio" name="export-format" checked={format === 'json'} onChange={() => setFormat('json')} />
            {t('export.json')}
          </label>
        </fieldset>
        {format !== 'json' && (
          <Field label={t('export.language')}>
            <select value={language} onChange={(event) => setLanguage(event.target.value as Language)}>
              {languages.map((option) => (
                <option key={option} value={option} lang={option}>
                  {t(`settings:languages.${option}`)}
                </option>
              ))}
            </select>
          </Field>
        )}
      </div>
      <FolderField label={t('export.folder')} value={folder} onChange={setFolder} />
      <div>
        <button type="button" className="button button-primary" disabled={run.isPending || folder.trim() === ''} onClick={() => void exportNow()}>
          {run.isPending ? t('export.working') : t('export.run')}
        </button>
      </div>
      {run.isPending && progress && <ProgressBar phase={t('export.writing', { table: tableLabel(progress.phase) })} done={progress.done} total={progress.total} onCancel={cancel} />}
      <ErrorNotice error={error} />
      {files.length > 0 && (
        <div className="notice notice-success" aria-live="polite">
          <p>{t('export.done', { count: files.length })}</p>
          <ul>
            {files.map((file) => (
              <li key={file.path} className="path">
                {t('export.file', { path: file.path, rows: new Intl.NumberFormat(i18n.language).format(file.rows) })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
};
