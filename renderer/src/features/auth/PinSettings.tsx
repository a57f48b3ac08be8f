import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import { useApiMutation } from '../../api/hooks';
import { useSession } from '../../app/session';
import { ErrorNotice, issuesByPath } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { RecoveryCode } from './RecoveryCode';

const AutoLock = ({ minutes }: { minutes: number }) => {
  const { t } = useTranslation(['auth', 'settings', 'common']);
  const toast = useToast();
  const update = useApiMutation('settings-update');
  const [value, setValue] = useState(String(minutes));
  const [error, setError] = useState<AppError | null>(null);
  const save = async () => {
    if (value === String(minutes)) return;
    const result = await update.mutateAsync({ autoLockMinutes: /^\d+$/.test(value) ? Number(value) : (value as unknown as number) });
    if (!result.ok) return setError(result.error);
    setError(null);
    toast({ tone: 'success', text: t('settings:shop.saved') });
  };
  return (
    <Field label={t('pinSettings.autoLock')} issue={issuesByPath(error).get('autoLockMinutes')} hint={t('pinSettings.autoLockHint')}>
      <input inputMode="numeric" size={4} className="narrow-input" value={value} onChange={(event) => setValue(event.target.value)} onBlur={() => void save()} />
    </Field>
  );
};

const ChangePin = () => {
  const { t } = useTranslation(['auth', 'common']);
  const toast = useToast();
  const change = useApiMutation('auth-change-pin');
  const [currentPin, setCurrentPin] = useState('');
  const [newPin, setNewPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const issues = issuesByPath(error);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMismatch(newPin !== repeat);
    if (newPin !== repeat || change.isPending) return;
    const result = await change.mutateAsync({ currentPin, newPin });
    if (!result.ok) return setError(result.error);
    setError(null);
    setCurrentPin('');
    setNewPin('');
    setRepeat('');
    toast({ tone: 'success', text: t('pinSettings.changed') });
  };
  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="change-pin-title">
      <h3 id="change-pin-title">{t('pinSettings.change')}</h3>
      <ErrorNotice error={error?.code === 'VALIDATION_FAILED' ? null : error} />
      <div className="form-grid">
        <Field label={t('pinSettings.current')} issue={issues.get('currentPin')}>
          <input type="password" autoComplete="current-password" value={currentPin} onChange={(event) => setCurrentPin(event.target.value)} />
        </Field>
        <Field label={t('pinSettings.newPin')} issue={issues.get('newPin')} hint={t('setup.pinHint')}>
          <input type="password" autoComplete="new-password" value={newPin} onChange={(event) => setNewPin(event.target.value)} />
        </Field>
        <Field label={t('pinSettings.repeat')}>
          <input type="password" autoComplete="new-password" aria-invalid={mismatch || undefined} value={repeat} onChange={(event) => setRepeat(event.target.value)} />
        </Field>
      </div>
      {mismatch && (
        <p className="field-error" role="alert">
          {t('setup.mismatch')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button" disabled={change.isPending}>
          {t('pinSettings.changeSubmit')}
        </button>
      </div>
    </form>
  );
};

const NewRecoveryCode = () => {
  const { t } = useTranslation(['auth', 'common']);
  const renew = useApiMutation('auth-new-recovery-code');
  const [pin, setPin] = useState('');
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (renew.isPending) return;
    const result = await renew.mutateAsync({ pin });
    setPin('');
    if (!result.ok) return setError(result.error);
    setError(null);
    setCode(result.value.recoveryCode);
  };
  return (
    <section aria-labelledby="new-code-title">
      <h3 id="new-code-title">{t('pinSettings.newCode')}</h3>
      {code !== null ? (
        <RecoveryCode code={code} onDone={() => setCode(null)} />
      ) : (
        <form className="inline-form" onSubmit={(event) => void submit(event)} noValidate>
          <p className="field-hint span-2">{t('pinSettings.newCodeHint')}</p>
          <ErrorNotice error={error} />
          <Field label={t('pinSettings.pinForCode')}>
            <input type="password" autoComplete="current-password" value={pin} onChange={(event) => setPin(event.target.value)} />
          </Field>
          <button type="submit" className="button" disabled={renew.isPending || pin === ''}>
            {t('pinSettings.newCodeSubmit')}
          </button>
        </form>
      )}
    </section>
  );
};

/** The owner's part of Settings: idle lock, PIN change, a new recovery code. */
export const PinSettings = () => {
  const { t } = useTranslation(['auth', 'common']);
  const session = useSession();
  if (session?.role !== 'owner' || !session.ownerPinSet) return null;
  return (
    <section className="card" aria-labelledby="pin-settings-title">
      <h2 id="pin-settings-title">{t('pinSettings.title')}</h2>
      <AutoLock key={session.autoLockMinutes} minutes={session.autoLockMinutes} />
      <ChangePin />
      <NewRecoveryCode />
    </section>
  );
};
