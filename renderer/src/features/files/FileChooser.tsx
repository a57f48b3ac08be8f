import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FileSource } from '../../../../shared/contract/files';
import type { AppError } from '../../../../shared/errors';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { ProgressBar } from '../../components/ProgressBar';
import { hasNativeDialogs, pickWithNativeDialog, uploadFile } from './files';

interface FileChooserProps {
  purpose: 'import' | 'restore';
  accept: string;
  chooseLabel: string;
  pathLabel: string;
  onChosen: (source: FileSource, name: string) => void;
  disabled?: boolean;
}

/**
 * Picks a file: the system's dialog in the desktop app; in browser mode the browser's picker (the
 * file is then sent to the core in pieces, with a progress bar). A path typed by hand works in
 * both, and spares sending a very large file through the browser.
 */
export const FileChooser = ({ purpose, accept, chooseLabel, pathLabel, onChosen, disabled }: FileChooserProps) => {
  const { t } = useTranslation('data');
  const inputId = useId();
  const [path, setPath] = useState('');
  const [sending, setSending] = useState<{ sent: number; total: number } | null>(null);
  const [error, setError] = useState<AppError | null>(null);

  const fromDialog = async () => {
    setError(null);
    const picked = await pickWithNativeDialog(purpose);
    if (!picked.ok) return setError(picked.error);
    if (picked.value !== null) onChosen({ kind: 'path', path: picked.value }, picked.value.split(/[\\/]/).pop() ?? picked.value);
  };

  const fromBrowser = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setSending({ sent: 0, total: file.size });
    const uploaded = await uploadFile(file, (sent, total) => setSending({ sent, total }));
    setSending(null);
    if (!uploaded.ok) return setError(uploaded.error);
    onChosen(uploaded.value, file.name);
  };

  return (
    <div className="file-chooser">
      <div className="file-chooser-row">
        {hasNativeDialogs() ? (
          <button type="button" className="button button-primary" disabled={disabled} onClick={() => void fromDialog()}>
            {chooseLabel}
          </button>
        ) : (
          <label className={`button button-primary file-button ${disabled ? 'disabled' : ''}`} htmlFor={inputId}>
            {chooseLabel}
            <input
              id={inputId}
              type="file"
              accept={accept}
              className="visually-hidden"
              disabled={disabled || sending !== null}
              onChange={(event) => {
                void fromBrowser(event.target.files?.[0]);
                event.target.value = '';
              }}
            />
          </label>
        )}
      </div>
      {sending && <ProgressBar phase={t('import.sending')} done={sending.sent} total={sending.total} />}
      <form
        className="inline-form file-path"
        onSubmit={(event) => {
          event.preventDefault();
          if (path.trim() !== '') onChosen({ kind: 'path', path: path.trim() }, path.trim().split(/[\\/]/).pop() ?? path.trim());
        }}
      >
        <Field label={pathLabel}>
          <input value={path} spellCheck={false} onChange={(event) => setPath(event.target.value)} disabled={disabled} />
        </Field>
        <button type="submit" className="button" disabled={disabled || path.trim() === ''}>
          {t('import.read')}
        </button>
      </form>
      <ErrorNotice error={error} />
    </div>
  );
};
