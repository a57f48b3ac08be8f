import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../../shared/errors';
import { useApiMutation } from '../../api/hooks';
import { useFormat } from '../../app/format';
import { useSession } from '../../app/session';
import { useUnlockRequests } from '../../app/unlock-requests';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice, issuesByPath } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { RecoveryCode } from './RecoveryCode';

/** When the next attempt may be made, from the refusal or from the session (after a restart). */
const retryAtOf = (error: AppError | null, sessionRetryAt: string | null | undefined): string | null => {
  if (error?.code === 'WRONG_PIN' || error?.code === 'LOCKED_OUT') return error.details.retryAt;
  return sessionRetryAt ?? null;
};

const PinForm = ({ onUnlocked, onForgot, onCancel }: { onUnlocked: () => void; onForgot: () => void; onCancel: () => void }) => {
  const { t } = useTranslation(['auth', 'common']);
  const format = useFormat();
  const session = useSession();
  const unlock = useApiMutation('auth-unlock');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const retryAt = retryAtOf(error, session?.unlockRetryAt);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (unlock.isPending || pin === '') return;
    const result = await unlock.mutateAsync({ pin });
    setPin('');
    if (!result.ok) return setError(result.error);
    onUnlocked();
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="dialog-form">
      <p>{t('unlock.why')}</p>
      <Field label={t('unlock.pin')}>
        <input name="pin" type="password" autoComplete="current-password" autoFocus value={pin} onChange={(event) => setPin(event.target.value)} />
      </Field>
      <ErrorNotice error={error} />
      {retryAt !== null && <p className="field-hint">{t('unlock.nextTry', { time: format.time(retryAt) })}</p>}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={unlock.isPending}>
          {t('unlock.submit')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('unlock.cancel')}
        </button>
        <button type="button" className="button-link" onClick={onForgot}>
          {t('unlock.forgot')}
        </button>
      </div>
    </form>
  );
};

const RecoverForm = ({ onRecovered, onBack }: { onRecovered: (code: string) => void; onBack: () => void }) => {
  const { t } = useTranslation(['auth', 'common']);
  const recover = useApiMutation('auth-recover');
  const [code, setCode] = useState('');
  const [newPin, setNewPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const issues = issuesByPath(error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (recover.isPending) return;
    setMismatch(newPin !== repeat);
    if (newPin !== repeat) return;
    const result = await recover.mutateAsync({ recoveryCode: code, newPin });
    if (!result.ok) return setError(result.error);
    onRecovered(result.value.recoveryCode);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="dialog-form">
      <p>{t('recover.intro')}</p>
      <Field label={t('recover.code')} issue={issues.get('recoveryCode')}>
        <input autoFocus autoComplete="off" spellCheck={false} className="code-input" value={code} onChange={(event) => setCode(event.target.value)} />
      </Field>
      <Field label={t('recover.newPin')} issue={issues.get('newPin')} hint={t('setup.pinHint')}>
        <input type="password" autoComplete="new-password" value={newPin} onChange={(event) => setNewPin(event.target.value)} />
      </Field>
      <Field label={t('recover.repeat')}>
        <input type="password" autoComplete="new-password" aria-invalid={mismatch || undefined} value={repeat} onChange={(event) => setRepeat(event.target.value)} />
      </Field>
      {mismatch && (
        <p className="field-error" role="alert">
          {t('setup.mismatch')}
        </p>
      )}
      <ErrorNotice error={error?.code === 'VALIDATION_FAILED' ? null : error} />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={recover.isPending}>
          {t('recover.submit')}
        </button>
        <button type="button" className="button-link" onClick={onBack}>
          {t('unlock.back')}
        </button>
      </div>
    </form>
  );
};

type Step = { kind: 'pin' } | { kind: 'recover' } | { kind: 'new-code'; code: string };

/** The owner's way in: the PIN, or the recovery code when the PIN is forgotten. Opened from anywhere by `requestUnlock`. */
export const UnlockDialog = () => {
  const { t } = useTranslation(['auth', 'common']);
  const toast = useToast();
  const role = useSession()?.role;
  const [step, setStep] = useState<Step | null>(null);
  const open = useCallback(() => setStep((current) => current ?? { kind: 'pin' }), []);
  useUnlockRequests(open);
  // Unlocked meanwhile (in another window): the PIN is no longer asked for.
  const [seenRole, setSeenRole] = useState(role);
  if (role !== seenRole) {
    setSeenRole(role);
    if (role === 'owner' && step?.kind === 'pin') setStep(null);
  }
  if (step === null) return null;
  const close = () => setStep(null);
  const titles = { pin: t('unlock.title'), recover: t('recover.title'), 'new-code': t('recovery.title') };
  return (
    <Dialog title={titles[step.kind]} onClose={step.kind === 'new-code' ? () => undefined : close}>
      {step.kind === 'pin' && (
        <PinForm
          onUnlocked={() => {
            close();
            toast({ tone: 'success', text: t('unlock.unlocked') });
          }}
          onForgot={() => setStep({ kind: 'recover' })}
          onCancel={close}
        />
      )}
      {step.kind === 'recover' && <RecoverForm onRecovered={(code) => setStep({ kind: 'new-code', code })} onBack={() => setStep({ kind: 'pin' })} />}
      {step.kind === 'new-code' && (
        <RecoveryCode
          code={step.code}
          onDone={() => {
            close();
            toast({ tone: 'success', text: t('recover.done') });
          }}
        />
      )}
    </Dialog>
  );
};
