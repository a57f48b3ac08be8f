import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../api/hooks';
import { useSession } from '../../app/session';
import { requestUnlock } from '../../app/unlock-requests';
import { useDescribeError } from '../../components/ErrorNotice';
import { useToast } from '../../components/Toast';
import { LockIcon } from './LockIcon';

/** In the sidebar: who the app is working for now, and the way to switch. */
export const OwnerLock = () => {
  const { t } = useTranslation(['auth', 'common']);
  const toast = useToast();
  const describe = useDescribeError();
  const session = useSession();
  const lock = useApiMutation('auth-lock');
  if (!session?.ownerPinSet) return null;
  const owner = session.role === 'owner';
  return (
    <div className={`owner-lock ${owner ? 'owner-lock-open' : ''}`} role="group" aria-label={owner ? t('lock.ownerMode') : t('lock.staffMode')}>
      <span className="owner-lock-state">
        <LockIcon open={owner} /> {owner ? t('lock.ownerMode') : t('lock.staffMode')}
      </span>
      {owner ? (
        <>
          <button
            type="button"
            className="button"
            onClick={() =>
              void lock.mutateAsync({}).then((result) =>
                toast(result.ok ? { tone: 'success', text: t('lock.locked') } : { tone: 'error', text: describe(result.error) }),
              )
            }
          >
            {t('lock.lock')}
          </button>
          <span className="owner-lock-hint">{t('lock.autoLock', { minutes: session.autoLockMinutes })}</span>
        </>
      ) : (
        <button type="button" className="button" onClick={requestUnlock}>
          {t('lock.unlock')}
        </button>
      )}
    </div>
  );
};
