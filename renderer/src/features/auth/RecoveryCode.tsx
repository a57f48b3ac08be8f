import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRecoveryCode } from '../../../../shared/pin';
import { useToast } from '../../components/Toast';

/** Shows a freshly issued recovery code once, and lets the owner go on only after writing it down. */
export const RecoveryCode = ({ code, onDone }: { code: string; onDone: () => void }) => {
  const { t } = useTranslation(['auth', 'common']);
  const toast = useToast();
  const [written, setWritten] = useState(false);
  const shown = formatRecoveryCode(code);
  return (
    <div className="recovery-code">
      <p>{t('recovery.intro')}</p>
      <p className="recovery-code-value" aria-label={t('recovery.title')}>
        {shown}
      </p>
      <p className="field-hint">{t('recovery.keep')}</p>
      <div className="form-actions">
        <button
          type="button"
          className="button"
          onClick={() => void navigator.clipboard?.writeText(shown).then(() => toast({ tone: 'success', text: t('recovery.copied') }))}
        >
          {t('recovery.copy')}
        </button>
        <label className="checkbox">
          <input type="checkbox" checked={written} onChange={(event) => setWritten(event.target.checked)} />
          {t('recovery.written')}
        </label>
        <button type="button" className="button button-primary" disabled={!written} onClick={onDone}>
          {t('recovery.done')}
        </button>
      </div>
    </div>
  );
};
