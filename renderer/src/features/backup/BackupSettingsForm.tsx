import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupSettings } from '../../../../shared/contract/backup';
import type { AppError } from '../../../../shared/errors';
import { useApiMutation } from '../../api/hooks';
import { ErrorNotice, issuesByPath } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { FolderField } from '../files/FolderField';

/** Where backups go, how many are kept, and whether (and with what) they are encrypted. */
export const BackupSettingsForm = ({ settings }: { settings: BackupSettings }) => {
  const { t } = useTranslation('data');
  const toast = useToast();
  const update = useApiMutation('backup-settings-update');
  const [draft, setDraft] = useState(settings);
  const [passphrase, setPassphrase] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const issues = issuesByPath(error);
  const mismatch = passphrase !== '' && again !== '' && passphrase !== again;
  // Turning encryption on needs a passphrase, or automatic backups would fail from then on.
  const passphraseMissing = draft.encrypt && settings.passphraseKept === 'none' && (passphrase === '' || passphrase !== again);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (mismatch) return;
    const result = await update.mutateAsync({
      folder: draft.folder,
      automatic: draft.automatic,
      keepDaily: draft.keepDaily,
      keepWeekly: draft.keepWeekly,
      encrypt: draft.encrypt,
      ...(draft.encrypt && passphrase !== '' ? { passphrase } : {}),
    });
    if (!result.ok) return setError(result.error);
    setError(null);
    toast({ tone: 'success', text: t('settings.saved') });
  };

  const forget = async () => {
    const result = await update.mutateAsync({ passphrase: null });
    if (!result.ok) setError(result.error);
  };

  const kept = { keychain: t('settings.keptKeychain'), this_session: t('settings.keptSession'), none: t('settings.keptNone') }[settings.passphraseKept];

  return (
    <form className="form backup-settings" onSubmit={(event) => void save(event)} noValidate>
      <h3>{t('settings.title')}</h3>
      <ErrorNotice error={error?.code === 'VALIDATION_FAILED' ? null : error} />
      <FolderField label={t('settings.folder')} hint={t('settings.folderHint')} value={draft.folder} onChange={(folder) => setDraft({ ...draft, folder })} />
      <label className="checkbox">
        <input type="checkbox" checked={draft.automatic} onChange={(event) => setDraft({ ...draft, automatic: event.target.checked })} />
        {t('settings.automatic')}
      </label>
      <div className="form-grid">
        <Field label={t('settings.keepDaily')} issue={issues.get('keepDaily')}>
          <input type="number" min={1} max={366} value={draft.keepDaily} onChange={(event) => setDraft({ ...draft, keepDaily: Number(event.target.value) })} />
        </Field>
        <Field label={t('settings.keepWeekly')} issue={issues.get('keepWeekly')} hint={t('settings.keepHint')}>
          <input type="number" min={0} max={520} value={draft.keepWeekly} onChange={(event) => setDraft({ ...draft, keepWeekly: Number(event.target.value) })} />
        </Field>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={draft.encrypt} onChange={(event) => setDraft({ ...draft, encrypt: event.target.checked })} />
        {t('settings.encrypt')}
      </label>
      {draft.encrypt && (
        <>
          <p className="field-hint">{t('settings.encryptHint')}</p>
          <div className="form-grid">
            <Field label={t('settings.passphrase')} issue={issues.get('passphrase')}>
              <input type="password" autoComplete="new-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
            </Field>
            <Field label={t('settings.passphraseAgain')}>
              <input type="password" autoComplete="new-password" value={again} onChange={(event) => setAgain(event.target.value)} />
            </Field>
          </div>
          {mismatch && (
            <p className="field-error" role="alert">
              {t('settings.passphraseMismatch')}
            </p>
          )}
          <p className="field-hint">
            {kept}{' '}
            {settings.passphraseKept !== 'none' && (
              <button type="button" className="button-link" onClick={() => void forget()}>
                {t('settings.forget')}
              </button>
            )}
          </p>
        </>
      )}
      <div>
        <button type="submit" className="button" disabled={update.isPending || mismatch || passphraseMissing}>
          {t('settings.save')}
        </button>
      </div>
    </form>
  );
};
